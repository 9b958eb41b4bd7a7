"""The shipped letter and petition templates (`letters/`, `petitions/`: `<language>/<name>.txt.j2`).

A package only so that a wheel carries the folder and the code finds it beside itself
(`commands/letters/catalog.py`, through importlib.resources), never in the current directory.
"""
