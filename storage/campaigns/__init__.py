"""Campaigns and sign-ups: all of their SQL, behind `SqlCampaigns` (a CampaignStore).

models: the values commands hold; writes and reads: the SQL; cache: campaigns kept in
memory so a sign-up needs no read; repository: the CampaignStore that ties them together.
"""

from __future__ import annotations

from storage.campaigns.models import (
    Campaign,
    ExportRow,
    JoinOutcome,
    JoinStatus,
    Member,
    NewCampaign,
)
from storage.campaigns.repository import SqlCampaigns

__all__ = [
    "Campaign",
    "ExportRow",
    "JoinOutcome",
    "JoinStatus",
    "Member",
    "NewCampaign",
    "SqlCampaigns",
]
