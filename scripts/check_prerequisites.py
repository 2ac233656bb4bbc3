"""Check what `make run` / `make test` need before creating the virtual environment.

Standard library only: it runs with the system Python, before any install.
"""

import ctypes.util
import sys

problems = []
if sys.version_info < (3, 11):  # noqa: UP036 - runs with whatever Python the machine has
    problems.append(
        f"Python 3.11 ou plus récent est nécessaire (trouvé : {sys.version.split()[0]}). "
        "Installez-le (Debian/Ubuntu : sudo apt install python3.11 python3.11-venv) "
        "ou indiquez-le à make : make run PY=python3.11"
    )
try:
    import ensurepip  # noqa: F401
    import venv  # noqa: F401
except ImportError:
    problems.append("Le module venv de Python manque (Debian/Ubuntu : sudo apt install python3-venv).")
if not ctypes.util.find_library("pango-1.0"):
    problems.append(
        "Les bibliothèques Pango nécessaires à WeasyPrint (PDF) manquent. "
        "Debian/Ubuntu : sudo apt install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 ; "
        "macOS : brew install pango ; Fedora : sudo dnf install pango."
    )
elif not ctypes.util.find_library("harfbuzz-subset"):
    # WeasyPrint falls back on fontTools with a deprecation warning, which the suite turns into an error.
    problems.append(
        "La bibliothèque HarfBuzz-Subset nécessaire à WeasyPrint (PDF) manque. "
        "Debian/Ubuntu : sudo apt install libharfbuzz-subset0 ; macOS : brew install harfbuzz."
    )
if problems:
    print("Impossible de préparer le Portail PLIE :", file=sys.stderr)
    for problem in problems:
        print(f"  - {problem}", file=sys.stderr)
    sys.exit(1)
