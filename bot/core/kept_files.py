"""Files the bot left on this machine's disk, and whose personal data each one holds.

Discord and Slack upload a reply's file from memory: nothing stays on disk. The console
(and `main.py ask`) has no upload to make, so it saves the file under ./counterwatch-out/
for the operator to open, and it stays there. A sign-up export or a petition names every
signer, so /forgetme must be able to find the files that name a member and delete them.

Each saved file with people in it (`ReplyFile.people`) gets a line in an index beside the
files, `.people.json`: its name and a digest of each (platform, user id) it holds, never the
ids themselves. /forgetme deletes every file whose entry holds the member's digest. A file
saved before this index existed is not in it: /forgetme cannot know it (docs/privacy.md).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path

DEFAULT_DIR = Path("counterwatch-out")
INDEX_NAME = ".people.json"


def person_digest(platform: str, user_id: str) -> str:
    """Enough to recognise a person in the index, not to read their id from it."""
    return hashlib.sha256(f"counterwatch-file\x00{platform}\x00{user_id}".encode()).hexdigest()


class KeptFiles:
    """The console's saved files and the people in each (registered in Deps.services)."""

    def __init__(self, directory: Path = DEFAULT_DIR) -> None:
        self.directory = directory

    def save(self, filename: str, content: bytes, people: Iterable[tuple[str, str]]) -> Path:
        """Write the file (replacing one of that name) and record who it names."""
        self.directory.mkdir(parents=True, exist_ok=True)
        target = self.directory / Path(filename).name
        target.write_bytes(content)
        index = self._read()
        digests = sorted({person_digest(*who) for who in people})
        if digests:
            index[target.name] = digests
        else:
            index.pop(target.name, None)  # a file of that name that named people is gone
        self._write(index)
        return target

    def naming(self, platform: str, user_id: str) -> list[Path]:
        """The files still on disk that hold this person, by name."""
        digest = person_digest(platform, user_id)
        found = [name for name, digests in self._read().items() if digest in digests]
        return sorted(self.directory / name for name in found if (self.directory / name).exists())

    def erase(self, platform: str, user_id: str) -> list[Path]:
        """Delete every file that holds this person; returns the files deleted."""
        digest = person_digest(platform, user_id)
        index = self._read()
        names = sorted(n for n, digests in index.items() if digest in digests)
        deleted = []
        for name in names:
            path = self.directory / name
            if path.exists():
                path.unlink()
                deleted.append(path)
            del index[name]
        if names:
            self._write(index)
        return deleted

    def _read(self) -> dict[str, list[str]]:
        try:
            loaded = json.loads((self.directory / INDEX_NAME).read_text())
        except FileNotFoundError:
            return {}
        except ValueError:  # edited by hand into something else: nothing we can read
            return {}
        if not isinstance(loaded, dict):
            return {}
        return {str(k): [str(d) for d in v] for k, v in loaded.items() if isinstance(v, list)}

    def _write(self, index: dict[str, list[str]]) -> None:
        # Written beside and renamed over: a crash never leaves half an index.
        self.directory.mkdir(parents=True, exist_ok=True)
        temporary = self.directory / (INDEX_NAME + ".tmp")
        temporary.write_text(json.dumps(index, indent=0, sort_keys=True))
        os.replace(temporary, self.directory / INDEX_NAME)
