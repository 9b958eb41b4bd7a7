"""Who is reading the audit log or the outbox, and so whose people they may see.

The facts are shared by every workspace, but the people in their history are not: an admin
of one workspace sees their own workspace's people, and everyone else only as "someone in
another workspace" (no name, no id, no platform). The repositories apply it as they read, so
no command can show what it was never given.
"""

from __future__ import annotations

from dataclasses import dataclass

ELSEWHERE = "someone in another workspace"


@dataclass(frozen=True)
class Viewer:
    platform: str
    # '' when the reader is in nobody's workspace (a direct message): they see only themselves.
    workspace: str
    user_id: str
    # The console operator holds the database itself: hiding rows from them protects nobody.
    everyone: bool = False

    def sees(self, platform: str, workspace: str, user_id: str) -> bool:
        if self.everyone:
            return True
        if platform != self.platform:
            return False
        if user_id and user_id == self.user_id:
            return True
        return bool(self.workspace) and workspace == self.workspace


# What the tests and tools that read everything pass.
EVERYONE = Viewer("", "", "", everyone=True)
