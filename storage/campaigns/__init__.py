"""Campaigns and sign-ups: all of their SQL, behind `CampaignStore` (repository.py).

models: the values commands hold; writes and reads: the SQL; ending: organizers and closing
ended campaigns; cache: campaigns kept in memory so a sign-up needs no read; repository: the
CampaignStore that ties them together.
"""
