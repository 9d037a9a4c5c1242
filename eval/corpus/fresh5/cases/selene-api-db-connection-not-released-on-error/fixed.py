from __future__ import annotations

from datetime import datetime

from flask import Blueprint, current_app, g as global_context

selene_api = Blueprint("selene_api", __name__)


def get_db_connection_from_pool(pool):
    return pool.getconn()


def return_db_connection_to_pool(pool, connection) -> None:
    pool.putconn(connection)


@selene_api.app_errorhandler(Exception)
def release_connection_after_error(error):
    # after_app_request is skipped when a view raises: release here as well
    release_db_connection()
    raise error


@selene_api.before_app_request
def setup_request() -> None:
    global_context.start_ts = datetime.utcnow()


@selene_api.after_app_request
def teardown_request(response):
    release_db_connection()
    return response


def release_db_connection() -> None:
    db = global_context.pop("db", None)
    if db is not None:
        return_db_connection_to_pool(current_app.config["DB_CONNECTION_POOL"], db)


def account_view(account_id: str) -> dict:
    global_context.db = get_db_connection_from_pool(current_app.config["DB_CONNECTION_POOL"])
    cursor = global_context.db.cursor()
    cursor.execute("SELECT * FROM account WHERE id = %s", (account_id,))
    row = cursor.fetchone()
    if row is None:
        raise LookupError(account_id)
    return {"id": row[0]}
