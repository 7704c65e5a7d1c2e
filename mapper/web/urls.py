"""Web addresses: checking them, cleaning them, and telling when two name the same page.

Pure functions, no network.  :func:`clean_url` is what we fetch and cite (tracking
parameters and the fragment dropped); :func:`page_key` is what we compare, folding the
copies one article has on the web: ``http``/``https``, ``www.``/``m.``/``amp.`` hosts,
AMP paths and parameters, Google's AMP cache, trailing slashes and parameter order.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, quote, unquote, urlencode, urljoin, urlsplit, urlunsplit

from .errors import BadURLError

__all__ = ["WEB_SCHEMES", "is_web_url", "check_url", "clean_url", "page_key", "join_url"]

WEB_SCHEMES = ("http", "https")

# Parameters that say how a reader arrived, never which page it is: analytics campaigns
# (utm_*, Matomo/Piwik pk_*, Adobe at_*), ad and social click ids, newsletter ids,
# share buttons.  A parameter not listed here is kept, since it may select the article
# (``?id=123``).
_TRACKING_PREFIXES = ("utm_", "pk_", "at_", "mtm_", "hsa_", "ga_")
_TRACKING = frozenset(
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "ttclid", "li_fat_id",
        "igshid", "igsh", "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "ocid", "cmpid", "cmp",
        "ito", "ns_mchannel", "ns_source", "ns_campaign", "ns_linkname", "ns_fee", "sr_share", "share",
        "shared", "ref", "ref_src", "ref_url", "referrer", "via", "spm", "smid", "soc_src",
        "soc_trk", "rss", "from", "xtor", "s_cid", "guccounter", "guce_referrer", "guce_referrer_sig",
        "fromrss", "rssfeed", "__twitter_impression", "wt_mc", "wt.mc_id", "intcmp", "icid",
    }
)  # fmt: skip
# How sites mark the AMP copy of a page in its query string.
_AMP_PARAMS = frozenset({"amp", "amp_js_v", "usqp", "outputtype", "_amp", "amp_gsa"})
# Host prefixes of the mobile and AMP copies of a site: m.example.com, amp.example.com.
_HOST_PREFIX = re.compile(r"^(?:www\d?|m|mobile|mob|amp|touch)\.(?=[^.]+\.)")
# AMP paths: /amp/story, /story/amp, /story.amp, /story.amp.html, /story/amp.html
_AMP_PATH = (
    re.compile(r"^/amp(?=/)"),
    re.compile(r"/amp/?$"),
    re.compile(r"\.amp(?=\.html?$|$)"),
    re.compile(r"/amp\.html?$"),
)
# Google's AMP cache serves https://www-example-com.cdn.ampproject.org/c/s/www.example.com/path
_AMP_CACHE = re.compile(r"^/(?:[a-z]/)*?(?:c|v)/(s/)?(.+)$")
_INDEX = re.compile(r"/(?:index|default)\.(?:html?|php|aspx?)$", re.IGNORECASE)


def is_web_url(url: str) -> bool:
    """True for an absolute http(s) address with a host."""
    try:
        parts = urlsplit(url.strip())
        return parts.scheme.lower() in WEB_SCHEMES and bool(parts.hostname)
    except ValueError:
        return False


def check_url(url: str) -> str:
    """The URL stripped of blanks, or BadURLError saying what is wrong with it."""
    u = url.strip()
    try:
        parts = urlsplit(u)
        parts.port  # noqa: B018 - raises ValueError for a port out of range or not a number
    except ValueError as err:
        raise BadURLError(url, f"not a well-formed web address ({err})") from err
    if parts.scheme.lower() not in WEB_SCHEMES:
        what = f"a {parts.scheme}: address" if parts.scheme else "no scheme"
        raise BadURLError(url, f"not a web address ({what}); give an http:// or https:// URL")
    if not parts.hostname:
        raise BadURLError(url, "not a web address (no host name)")
    if any(c.isspace() for c in u):
        raise BadURLError(url, "not a well-formed web address (it contains spaces)")
    return u


def _is_tracking(name: str) -> bool:
    n = name.lower()
    return n in _TRACKING or n.startswith(_TRACKING_PREFIXES)


def clean_url(url: str) -> str:
    """The URL to fetch and cite: no fragment, no tracking parameters, scheme and host lower-cased."""
    parts = urlsplit(check_url(url))
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k)]
    default_port = ":80" if parts.scheme.lower() == "http" else ":443"
    netloc = parts.netloc.lower().removesuffix(default_port)
    return urlunsplit((parts.scheme.lower(), netloc, parts.path or "/", urlencode(query, doseq=True), ""))


def join_url(base: str, ref: str) -> str:
    """*ref* (absolute or relative, as in a Location header or a link) resolved against *base*."""
    return urljoin(base, ref.strip())


def page_key(url: str) -> str:
    """A key that is equal for the copies of one page: ``host/path?query``, folded.

    ``https://m.example.com/news/story/amp?utm_source=x`` and
    ``http://www.example.com/news/story/`` give the same key.  It is a heuristic on the
    address alone; after fetching, the page's canonical link and its text are compared too.
    """
    parts = urlsplit(clean_url(url))
    host = (parts.hostname or "").lower().rstrip(".")
    path = unquote(parts.path)
    if host.endswith(".cdn.ampproject.org"):
        m = _AMP_CACHE.match(path)
        if m:  # the original address is in the path
            original = ("https://" if m.group(1) else "http://") + m.group(2)
            return page_key(original + ("?" + parts.query if parts.query else ""))
    while _HOST_PREFIX.match(host):
        host = _HOST_PREFIX.sub("", host, count=1)
    for pat in _AMP_PATH:
        path = pat.sub("", path)
    path = _INDEX.sub("/", path)
    path = re.sub(r"/{2,}", "/", path).rstrip("/")
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k.lower() not in _AMP_PARAMS)
    if parts.port:  # clean_url dropped the default ones
        host += f":{parts.port}"
    key = host + quote(path, safe="/%:@!$&'()*+,;=-._~")
    if query:
        key += "?" + urlencode(query)
    return key
