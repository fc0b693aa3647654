"""Alembic environment: runs on the connection ``service.store.migrate`` hands over.

The service migrates itself at start (``upgrade head``); no alembic.ini is
needed, but ``alembic`` commands can still be run by passing a URL in the
``sqlalchemy.url`` option.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from service.batch.tables import batch_metadata
from service.store.tables import metadata as store_metadata

config = context.config
# Both schemas live in one database; autogenerate must see both or it proposes drops.
metadata = [store_metadata, batch_metadata]


def run_migrations_offline() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=metadata,
        literal_binds=True,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        engine = create_engine(config.get_main_option("sqlalchemy.url"))
        with engine.connect() as own_connection:
            _run(own_connection)
        engine.dispose()
    else:
        _run(connection)


def _run(connection) -> None:
    # render_as_batch lets future migrations ALTER tables on SQLite (copy-and-move).
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
