"""Who may upload, edit aliases and undo: the analyst role.

Browsing is open. Writing needs the analyst password, configured as a salted PBKDF2 hash
(never the password itself) in Streamlit secrets (``analyst_password_hash`` in
``.streamlit/secrets.toml``) or in the environment variable ``ANALYST_PASSWORD_HASH``.
Make a hash with ``python -m dashboard.auth``.

For a local trial, ``DASHBOARD_OPEN_UPLOADS=1`` (set by ``make run``, which also binds the
server to 127.0.0.1) lets anyone on the machine upload without a password; the page says
so. Without a hash and without that variable, uploads are disabled and the page explains
how to enable them.

Wrong passwords are throttled: after :data:`FREE_TRIES` failures from one browser session
or one client address, each further try must wait twice as long as the last (2 s, 4 s, …,
at most 15 min); a try inside the wait is refused without checking the password. A signed-in
analyst can sign out. Imports record who loaded them (:func:`identity`).

**Real identities (OIDC).** With an ``[auth]`` section in ``.streamlit/secrets.toml``
(Streamlit's ``st.login``: ``redirect_uri``, ``cookie_secret``, ``client_id``,
``client_secret``, ``server_metadata_url``; needs ``pip install Authlib>=1.3.2``), the page
offers "sign in with the organisation's account" beside the password. Who is an analyst is
decided from the identity's claims by :func:`roles_from_claims` with the rules in a
``[dashboard_roles]`` section: ``analyst_emails``, ``analyst_domains`` (verified e-mail
addresses) and ``analyst_claim`` + ``analyst_values`` (e.g. ``groups`` containing
``dtdashboard-analyst``). The signed-in e-mail is recorded as the uploader.
"""
from __future__ import annotations

import getpass
import hashlib
import hmac
import os
import secrets
import sys
import threading
import time
from collections.abc import Callable, Mapping

ALGO = "pbkdf2_sha256"
ITERATIONS = 240_000
SESSION_KEY = "analyst_ok"
IDENTITY_KEY = "analyst_identity"
FREE_TRIES = 3
BASE_DELAY_S = 2.0
MAX_DELAY_S = 15 * 60.0
PASSWORD_IDENTITY = "mật khẩu chuyên viên"
LOOPBACK = ("127.0.0.1", "localhost", "::1")


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


class Throttle:
    """Failed sign-ins per key (a session, a client address): after ``free`` failures each
    further try must wait ``base * 2**(n - free)`` seconds (capped). Shared by every session
    of the server process."""

    def __init__(self, free: int = FREE_TRIES, base: float = BASE_DELAY_S,
                 cap: float = MAX_DELAY_S, clock: Callable[[], float] = time.monotonic):
        self.free, self.base, self.cap, self.clock = free, base, cap, clock
        self._fails: dict[str, tuple[int, float]] = {}  # key -> (failures, allowed again at)
        self._lock = threading.Lock()

    def wait(self, keys) -> float:
        """Seconds before any of ``keys`` may try again (0: now)."""
        now = self.clock()
        with self._lock:
            return max([0.0] + [self._fails[k][1] - now for k in keys if k in self._fails])

    def failed(self, keys) -> float:
        """Record a failure; returns the wait it imposes."""
        now = self.clock()
        waits = [0.0]
        with self._lock:
            for k in keys:
                n = self._fails.get(k, (0, 0.0))[0] + 1
                delay = 0.0 if n < self.free else min(self.cap, self.base * 2 ** (n - self.free))
                self._fails[k] = (n, now + delay)
                waits.append(delay)
            if len(self._fails) > 10_000:  # bounded memory under a flood of new sessions
                for k in sorted(self._fails, key=lambda k: self._fails[k][1])[:5_000]:
                    del self._fails[k]
        return max(waits)

    def succeeded(self, keys) -> None:
        with self._lock:
            for k in keys:
                self._fails.pop(k, None)


THROTTLE = Throttle()


def roles_from_claims(claims: Mapping, rules: Mapping | None) -> set[str]:
    """Roles of a signed-in (OIDC) identity: always ``viewer``; ``analyst`` when a rule of
    ``[dashboard_roles]`` matches. E-mail rules need a verified address (a claim
    ``email_verified`` that is not false); the claim rule accepts a string or a list."""
    roles = {"viewer"}
    rules = rules or {}
    email = str(claims.get("email") or "").strip().lower()
    verified = claims.get("email_verified", True) not in (False, "false", "False", 0)
    emails = {str(e).strip().lower() for e in rules.get("analyst_emails", []) or []}
    domains = {str(d).strip().lower().lstrip("@") for d in rules.get("analyst_domains", []) or []}
    if email and verified and "@" in email:
        if email in emails or email.rsplit("@", 1)[1] in domains:
            roles.add("analyst")
    claim = rules.get("analyst_claim")
    wanted = {str(v) for v in rules.get("analyst_values", []) or []}
    if claim and wanted:
        got = claims.get(claim)
        got = {str(got)} if isinstance(got, (str, int)) else {str(g) for g in (got or [])}
        if got & wanted:
            roles.add("analyst")
    return roles


def identity() -> str | None:
    """Who this session is signed in as (recorded as the uploader), or None."""
    import streamlit as st
    return st.session_state.get(IDENTITY_KEY)


def oidc_configured() -> bool:
    try:
        import streamlit as st
        return "auth" in st.secrets
    except Exception:  # no secrets file
        return False


def _role_rules() -> Mapping:
    try:
        import streamlit as st
        return st.secrets.get("dashboard_roles", {})
    except Exception:
        return {}


def _client_keys() -> list[str]:
    import streamlit as st
    keys = []
    try:
        from streamlit.runtime.scriptrunner import get_script_run_ctx
        ctx = get_script_run_ctx()
        if ctx is not None:
            keys.append("session:" + ctx.session_id)
    except Exception:
        pass
    try:
        ip = st.context.ip_address
    except Exception:
        ip = None
    if ip:
        keys.append("client:" + ip)
    return keys or ["session:unknown"]


def _sign_in(who: str) -> None:
    import streamlit as st
    st.session_state[SESSION_KEY] = True
    st.session_state[IDENTITY_KEY] = who


def sign_out() -> None:
    import streamlit as st
    st.session_state.pop(SESSION_KEY, None)
    st.session_state.pop(IDENTITY_KEY, None)


def gate() -> bool:
    """True when this session may write; renders sign-in / sign-out otherwise."""
    import streamlit as st
    from dashboard import safe_text
    from dashboard.i18n import t
    if st.session_state.get(SESSION_KEY):
        c1, c2 = st.columns([4, 1])
        c1.caption(t("auth.signed_in", who=safe_text.md(identity() or "?")))
        if c2.button(t("auth.sign_out"), key="analyst_logout"):
            sign_out()
            if oidc_configured() and getattr(st.user, "is_logged_in", False):
                st.logout()
            st.rerun()
        return True
    if oidc_configured():
        if getattr(st.user, "is_logged_in", False):
            claims = st.user.to_dict()
            if "analyst" in roles_from_claims(claims, _role_rules()):
                _sign_in(str(claims.get("email") or claims.get("sub")))
                st.rerun()
            st.warning(t("auth.no_role", who=safe_text.md(claims.get("email") or "?")))
            if st.button(t("auth.sign_out"), key="oidc_logout"):
                st.logout()
        elif st.button(t("auth.sign_in_org"), key="oidc_login"):
            st.login(os.environ.get("DASHBOARD_OIDC_PROVIDER") or None)
    if open_mode():
        addr = st.get_option("server.address") or ""
        if addr in LOOPBACK:
            st.info(t("auth.trial_local", addr=addr))
        else:
            st.warning(t("auth.trial_network", addr=addr or t("auth.any_address")))
        return True
    stored = configured_hash()
    if not stored:
        if not oidc_configured():
            st.warning(t("auth.uploads_off"))
        return False
    keys = _client_keys()
    with st.form("analyst_login"):
        pw = st.text_input(t("auth.password"), type="password")
        if st.form_submit_button(t("auth.sign_in")):
            wait = THROTTLE.wait(keys)
            if wait > 0:  # inside the wait the password is not even checked
                st.error(t("auth.throttled", s=f"{wait:.0f}"))
            elif verify_password(pw, stored):
                THROTTLE.succeeded(keys)
                _sign_in(PASSWORD_IDENTITY)
                st.rerun()
            else:
                delay = THROTTLE.failed(keys)
                st.error(t("auth.wrong") + (t("auth.retry", s=f"{delay:.0f}") if delay else ""))
    return False


def main() -> int:
    pw = getpass.getpass("Mật khẩu chuyên viên: ")
    if pw != getpass.getpass("Nhập lại: "):
        print("Hai lần nhập không khớp.", file=sys.stderr)
        return 1
    print(hash_password(pw))
    return 0


if __name__ == "__main__":
    sys.exit(main())
