"""All SQL lives in this package: connections, migrations, repositories, importers."""
