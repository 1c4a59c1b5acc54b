"""A small stand-in for Spotify's Web API (2026 shapes), served on 127.0.0.1 by the tests.

The real spotipy client talks to it over HTTP. ``mode`` switches on a fault: 429 with a
one-hour Retry-After, 500, a hang longer than our timeout, malformed JSON, or refused
credentials.
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

LIBRARY = [
    # (id, title, artist, album, release date, album type)
    (
        "0000000000000000000001",
        "He'll Have to Go - Remastered 2003",
        "Jim Reeves",
        "The Very Best of Jim Reeves",
        "2003-05-01",
        "compilation",
    ),
    ("0000000000000000000002", "Four Walls", "Jim Reeves", "Four Walls", "1957-04-01", "single"),
    (
        "0000000000000000000003",
        "He'll Have to Go (Karaoke Version)",
        "Karaoke Stars",
        "Country Karaoke",
        "2011-01-01",
        "album",
    ),
    ("0000000000000000000004", "Heartbreak Hotel", "Elvis Presley", "Elvis Presley", "1956-01-27", "album"),
    ("0000000000000000000005", "Blue Suede Shoes - Live", "Elvis Presley", "Elvis in Concert", "1977-10-01", "album"),
    ("0000000000000000000006", "Israelites", "Desmond Dekker & The Aces", "Israelites", "1968-11-01", "single"),
    ("0000000000000000000007", "Sugar Sugar", "The Archies", "Everything's Archie", "1969-06-01", "album"),
]


def _item(entry):
    track_id, title, artist, album, date, album_type = entry
    return {
        "id": track_id,
        "name": title,
        "type": "track",
        "uri": f"spotify:track:{track_id}",
        "artists": [{"id": "a" * 22, "name": artist, "type": "artist"}],
        "album": {
            "id": "b" * 22,
            "name": album,
            "release_date": date,
            "album_type": album_type,
            "release_date_precision": "day",
        },
        "duration_ms": 150000,
        "explicit": False,
        "external_urls": {"spotify": f"https://open.spotify.com/track/{track_id}"},
    }


def _uris(body: bytes) -> list[str]:
    """The API takes {"uris": [...]} (spotipy sends a bare list for additions)."""
    data = json.loads(body or b"[]")
    return list(data["uris"] if isinstance(data, dict) else data)


def _matches(entry, query: str) -> bool:
    _, title, artist, _, date, _ = entry
    year = int(date[:4])
    words = []
    for part in query.split():
        if part.startswith("year:"):
            span = part[5:].split("-")
            if not int(span[0]) <= year <= int(span[-1]):
                return False
        else:
            words.append(part)
    text = " ".join(words)
    if text.startswith("artist:"):
        return artist.lower() == text[7:].strip('"').lower()
    return all(w.lower() in f"{title} {artist}".lower() for w in words)


class FakeSpotify(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.mode = ""
        self.calls: list[str] = []
        self.playlists: dict[str, list[str]] = {}
        self.lock = threading.Lock()

    def handle_error(self, request, client_address) -> None:
        """A client that gave up (our 2 s timeout) is expected here: stay quiet."""

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def api_calls(self) -> list[str]:
        return [c for c in self.calls if c.startswith(("GET /v1", "POST /v1", "PUT /v1"))]


class _Handler(BaseHTTPRequestHandler):
    server: FakeSpotify

    def log_message(self, *args):  # keep test output quiet
        pass

    def _send(self, status: int, body, headers: dict | None = None) -> None:
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _body(self) -> bytes:
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def _fault(self) -> bool:
        mode = self.server.mode
        if mode == "429":
            self._send(
                429,
                {"error": {"status": 429, "message": "Too many requests", "reason": "QUOTA_EXCEEDED"}},
                {"Retry-After": "3600"},
            )
        elif mode == "500":
            self._send(500, {"error": {"status": 500, "message": "Server error"}})
        elif mode == "timeout":
            time.sleep(6)
            self._send(200, {})
        elif mode == "badjson":
            self._send(200, b"{this is not json")
        else:
            return False
        return True

    def do_POST(self):
        path = urlparse(self.path).path
        body = self._body()
        self.server.calls.append(f"POST {path}")
        if path == "/api/token":
            form = parse_qs(body.decode())
            if self.server.mode == "badcreds":
                return self._send(400, {"error": "invalid_client", "error_description": "Invalid client"})
            if form.get("grant_type") == ["authorization_code"]:
                return self._send(
                    200,
                    {
                        "access_token": "user-token",
                        "token_type": "Bearer",
                        "expires_in": 3600,
                        "refresh_token": "refresh",
                        "scope": "playlist-modify-private",
                    },
                )
            return self._send(200, {"access_token": "app-token", "token_type": "Bearer", "expires_in": 3600})
        if self._fault():
            return None
        if path == "/v1/me/playlists":
            with self.server.lock:
                playlist_id = f"{len(self.server.playlists) + 1:022d}"
                self.server.playlists[playlist_id] = []
            return self._send(201, {"id": playlist_id, "name": json.loads(body)["name"], "public": False})
        if path.startswith("/v1/playlists/") and path.endswith("/items"):
            uris = _uris(body)
            if len(uris) > 100:
                return self._send(400, {"error": {"status": 400, "message": "Too many ids requested"}})
            self.server.playlists[path.split("/")[3]].extend(uris)
            return self._send(201, {"snapshot_id": "s"})
        return self._send(404, {"error": {"status": 404, "message": "Not found"}})

    def do_PUT(self):
        path = urlparse(self.path).path
        body = self._body()
        self.server.calls.append(f"PUT {path}")
        if self._fault():
            return None
        if path.startswith("/v1/playlists/") and path.endswith("/items"):
            self.server.playlists[path.split("/")[3]] = _uris(body)
            return self._send(200, {"snapshot_id": "s"})
        return self._send(404, {"error": {"status": 404, "message": "Not found"}})

    def do_GET(self):
        parsed = urlparse(self.path)
        self.server.calls.append(f"GET {parsed.path}")
        if self._fault():
            return None
        if parsed.path == "/v1/search":
            params = parse_qs(parsed.query)
            limit, offset = int(params.get("limit", ["5"])[0]), int(params.get("offset", ["0"])[0])
            if limit > 10:
                return self._send(400, {"error": {"status": 400, "message": "Invalid limit"}})
            found = [e for e in LIBRARY if _matches(e, params["q"][0])]
            page = found[offset : offset + limit]
            more = offset + limit < len(found)
            nxt = f"{self.server.url}/v1/search?offset={offset + limit}" if more else None
            return self._send(
                200,
                {
                    "tracks": {
                        "href": self.path,
                        "items": [_item(e) for e in page],
                        "limit": limit,
                        "offset": offset,
                        "total": len(found),
                        "next": nxt,
                        "previous": None,
                    }
                },
            )
        if parsed.path == "/v1/me":
            return self._send(200, {"id": "carehome", "display_name": "Care home"})
        return self._send(404, {"error": {"status": 404, "message": "Not found"}})


def start() -> FakeSpotify:
    server = FakeSpotify()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
