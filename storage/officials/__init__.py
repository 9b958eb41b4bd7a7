"""Governing bodies and officials as admins recorded them (/facts set-body, /facts
add-official): `models` holds the values, `repository` the reads letters and /contact make.
The writes are admin changes, in storage/fact_edits/bodies.py."""
