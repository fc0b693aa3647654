// Upload page: drag-and-drop or file picker or pasted text, progress, plain-word errors.
// Sends to the JSON API (POST /documents) and opens the document page on success.
"use strict";

(function () {
  const form = document.getElementById("upload-form");
  if (!form) return;
  const input = document.getElementById("file");
  const zone = document.getElementById("dropzone");
  const chosen = document.getElementById("chosen");
  const textArea = document.getElementById("text");
  const submit = document.getElementById("submit");
  const progress = document.getElementById("progress");
  const bar = document.getElementById("progress-bar");
  const status = document.getElementById("progress-text");
  const errorBox = document.getElementById("upload-error");
  const maxBytes = Number(form.dataset.maxBytes) || 10 * 1024 * 1024;
  let file = null;

  const LANGUAGES = {
    de: "German", es: "Spanish", it: "Italian", nl: "Dutch", pt: "Portuguese", ru: "Russian",
    zh: "Chinese", "zh-cn": "Chinese", ja: "Japanese", ko: "Korean", ar: "Arabic", pl: "Polish",
    sv: "Swedish", da: "Danish", no: "Norwegian", fi: "Finnish", tr: "Turkish", ca: "Catalan",
  };

  function megabytes(bytes) {
    if (bytes < 1024 * 1024) return Math.max(1, Math.round(bytes / 1024)) + " KB";
    return (bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, "") + " MB";
  }

  // The API's error codes, said in plain words; the server's own sentence follows as detail.
  function plainWords(code, details) {
    details = details || {};
    switch (code) {
      case "too_large":
        return "This file is too large. Rapport accepts reports up to " +
          megabytes(details.limit || maxBytes) + ".";
      case "unsupported_type":
        return "Rapport cannot read this kind of file" +
          (details.detected ? " (" + details.detected + ")" : "") +
          ". Upload a .txt, .html, .pdf or .docx file, or paste the text.";
      case "unsupported_language": {
        const name = LANGUAGES[String(details.detected || "").toLowerCase()];
        return "This report seems to be written in " + (name || "another language") +
          ". Rapport reads French and English only; if it is French or English, " +
          "pick the language above and try again.";
      }
      case "unreadable_file":
        return "The file could not be read: it may be damaged, password-protected, " +
          "or a scanned PDF without a text layer.";
      case "empty_text":
        return "There is no text to read in this document.";
      case "unauthorized":
        return "This server needs an API key to accept reports: enter it above.";
      case "validation_error":
        return "Something in the form is not valid.";
      case "model_not_available":
      case "store_unavailable":
        return "The service is still starting. Try again in a few seconds.";
      default:
        return "The report could not be read.";
    }
  }

  function showError(message, detail) {
    errorBox.textContent = "";
    const main = document.createElement("strong");
    main.textContent = message;
    errorBox.appendChild(main);
    if (detail) {
      const more = document.createElement("span");
      more.className = "detail";
      more.textContent = detail;
      errorBox.appendChild(more);
    }
    errorBox.dataset.code = "";
    errorBox.hidden = false;
    progress.hidden = true;
    submit.disabled = false;
  }

  function setStatus(text, percent) {
    progress.hidden = false;
    status.textContent = text;
    if (percent === null) bar.removeAttribute("value");
    else bar.value = percent;
  }

  function choose(picked) {
    file = picked || null;
    errorBox.hidden = true;
    if (!file) {
      chosen.hidden = true;
      return;
    }
    chosen.textContent = file.name + " · " + megabytes(file.size);
    chosen.hidden = false;
    if (file.size > maxBytes) {
      showError(plainWords("too_large", { limit: maxBytes }),
        "This file has " + megabytes(file.size) + ".");
      errorBox.dataset.code = "too_large";
    }
  }

  input.addEventListener("change", function () { choose(input.files[0]); });

  ["dragenter", "dragover"].forEach(function (name) {
    zone.addEventListener(name, function (event) {
      event.preventDefault();
      zone.classList.add("dragging");
    });
  });
  ["dragleave", "dragend", "drop"].forEach(function (name) {
    zone.addEventListener(name, function () { zone.classList.remove("dragging"); });
  });
  zone.addEventListener("drop", function (event) {
    event.preventDefault();
    const files = event.dataTransfer && event.dataTransfer.files;
    if (files && files.length) choose(files[0]);
  });
  // A file dropped beside the zone must not make the browser leave the page to open it.
  window.addEventListener("dragover", function (event) { event.preventDefault(); });
  window.addEventListener("drop", function (event) { event.preventDefault(); });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    errorBox.hidden = true;
    const title = document.getElementById("title").value.trim();
    const lang = document.getElementById("lang").value;
    const keyInput = document.getElementById("api-key");
    const pasted = textArea.value;
    let body;
    let json = false;
    if (file) {
      if (file.size > maxBytes) {
        showError(plainWords("too_large", { limit: maxBytes }), "This file has " + megabytes(file.size) + ".");
        errorBox.dataset.code = "too_large";
        return;
      }
      body = new FormData();
      body.append("file", file, file.name);
      if (title) body.append("title", title);
      body.append("lang", lang);
    } else if (pasted.trim()) {
      json = true;
      const payload = { text: pasted, lang: lang };
      if (title) payload.title = title;
      body = JSON.stringify(payload);
    } else {
      showError("Choose a file, drop one on the box, or paste the report's text first.");
      return;
    }

    const request = new XMLHttpRequest();
    request.open("POST", "/documents");
    request.setRequestHeader("Accept", "application/json");
    if (json) request.setRequestHeader("Content-Type", "application/json");
    if (keyInput && keyInput.value) request.setRequestHeader("X-API-Key", keyInput.value);
    submit.disabled = true;
    setStatus("Uploading…", 0);
    request.upload.addEventListener("progress", function (e) {
      if (e.lengthComputable) {
        const percent = Math.round((e.loaded / e.total) * 100);
        setStatus("Uploading… " + percent + " %", percent);
      }
    });
    request.upload.addEventListener("load", function () {
      setStatus("Reading the report and extracting its facts…", null);
    });
    request.addEventListener("load", function () {
      let answer = null;
      try { answer = JSON.parse(request.responseText); } catch (ignored) { answer = null; }
      if ((request.status === 200 || request.status === 201) && answer && answer.document) {
        const count = (answer.facts || []).length;
        setStatus((request.status === 200 ? "Already stored" : "Done") + ": " + count +
          " fact" + (count === 1 ? "" : "s") + " found. Opening the report…", 100);
        window.location.assign("/documents/" + encodeURIComponent(answer.document.id));
        return;
      }
      const error = (answer && answer.error) || {};
      showError(plainWords(error.code, error.details), error.message || ("HTTP " + request.status));
      errorBox.dataset.code = error.code || "http_" + request.status;
    });
    request.addEventListener("error", function () {
      showError("The server could not be reached. Check that Rapport is running and try again.");
      errorBox.dataset.code = "network";
    });
    request.send(body);
  });
})();
