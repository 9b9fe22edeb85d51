"""The central store's URL without its password, and the password put back for one sync.

A PostgreSQL URL from ``central enroll`` holds the office's login password
(``postgresql://if_dev_…:PASSWORD@host/db``). Settings are a plain-text file, so only the URL
without the password is stored; the password lives in memory for the unlocked session. A SQLite
central file (a plain path or ``sqlite:///…``) has no password. Parsed with ``urllib`` (SQLAlchemy
URLs are RFC 1738 style: ``dialect+driver://user:password@host:port/database``).
"""

from __future__ import annotations

from urllib.parse import quote, unquote, urlsplit


def split_password(url: str) -> tuple[str, str]:
    """(the URL without its password, the password or "")."""
    url = url.strip()
    if "://" not in url:
        return url, ""
    scheme, rest = url.split("://", 1)
    netloc, slash, tail = rest.partition("/")
    userinfo, at, hostport = netloc.rpartition("@")
    if not at or ":" not in userinfo:
        return url, ""
    user, _, password = userinfo.partition(":")
    return f"{scheme}://{user}@{hostport}{slash}{tail}", unquote(password)


def with_password(url: str, password: str) -> str:
    """The URL to connect with: ``password`` put back (URL-quoted) when there is a user name."""
    if not password or "://" not in url:
        return url
    scheme, rest = url.split("://", 1)
    netloc, slash, tail = rest.partition("/")
    userinfo, at, hostport = netloc.rpartition("@")
    if not at:
        return url
    user = userinfo.partition(":")[0]
    return f"{scheme}://{user}:{quote(password, safe='')}@{hostport}{slash}{tail}"


def has_user(url: str) -> bool:
    """A server URL with a login name (a password may be needed); a file path has none."""
    return "://" in url and bool(urlsplit(url).username)


def is_server(url: str) -> bool:
    return "://" in url and not url.lower().startswith("sqlite")
