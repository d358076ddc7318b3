"""Who may upload, edit aliases and undo: the analyst role.

Browsing is open. Writing needs the analyst password, configured as a salted PBKDF2 hash
(never the password itself) in Streamlit secrets (``analyst_password_hash`` in
``.streamlit/secrets.toml``) or in the environment variable ``ANALYST_PASSWORD_HASH``.
Make a hash with ``python -m dashboard.auth``.

For a local trial, ``DASHBOARD_OPEN_UPLOADS=1`` (set by ``make run``) lets anyone on the
machine upload without a password; the page says so. Without a hash and without that
variable, uploads are disabled and the page explains how to enable them.
"""
from __future__ import annotations

import getpass
import hashlib
import hmac
import os
import secrets
import sys

ALGO = "pbkdf2_sha256"
ITERATIONS = 240_000
SESSION_KEY = "analyst_ok"


def hash_password(password: str, *, salt: str | None = None, iterations: int = ITERATIONS) -> str:
    salt = salt or secrets.token_hex(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt.encode(), iterations)
    return f"{ALGO}${iterations}${salt}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        algo, iterations, salt, expected = stored.split("$")
    except ValueError:
        return False
    if algo != ALGO:
        return False
    got = hash_password(password, salt=salt, iterations=int(iterations)).split("$")[-1]
    return hmac.compare_digest(got, expected)


def configured_hash() -> str | None:
    env = os.environ.get("ANALYST_PASSWORD_HASH")
    if env:
        return env.strip()
    try:
        import streamlit as st
        return st.secrets.get("analyst_password_hash")  # type: ignore[no-any-return]
    except Exception:  # no secrets file
        return None


def open_mode() -> bool:
    return os.environ.get("DASHBOARD_OPEN_UPLOADS") == "1" and not configured_hash()


def main() -> int:
    pw = getpass.getpass("Mật khẩu chuyên viên: ")
    if pw != getpass.getpass("Nhập lại: "):
        print("Hai lần nhập không khớp.", file=sys.stderr)
        return 1
    print(hash_password(pw))
    return 0


if __name__ == "__main__":
    sys.exit(main())
