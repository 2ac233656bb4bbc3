"""The layering of docs/architecture.md, held by the code: the ground floor imports no domain app,
and no two apps' models depend on each other (neither by import nor by relation)."""

import ast
from pathlib import Path

from django.apps import apps
from django.conf import settings

RACINE = Path(settings.BASE_DIR)
REZ_DE_CHAUSSEE = {"plie_portal", "territoire", "envois", "accounts", "partners", "notifications"}
METIER = {"participants", "parcours", "aap_invisibles", "reports", "rgpd", "api"}


def sources(app, seulement_modeles=False):
    """The app's own code: neither its tests nor its migrations (history, not structure)."""
    for chemin in (RACINE / app).rglob("*.py"):
        parties = chemin.relative_to(RACINE / app).parts
        if "tests" in parties or "migrations" in parties:
            continue
        if seulement_modeles and parties[0] not in ("models.py", "models"):
            continue
        yield chemin


def apps_importees(chemin):
    """The project apps a file imports, lazily or not."""
    importees = set()
    for noeud in ast.walk(ast.parse(chemin.read_text(encoding="utf-8"))):
        if isinstance(noeud, ast.Import):
            importees |= {alias.name.split(".")[0] for alias in noeud.names}
        elif isinstance(noeud, ast.ImportFrom) and noeud.level == 0 and noeud.module:
            importees.add(noeud.module.split(".")[0])
    return importees & (REZ_DE_CHAUSSEE | METIER)


def sans_cercle(graphe):
    """The first circle of a graph {node: successors}, or None."""
    etats = {}

    def visiter(noeud, chemin):
        etats[noeud] = "en_cours"
        for suivant in graphe.get(noeud, ()):
            if etats.get(suivant) == "en_cours":
                return [*chemin, noeud, suivant]
            if suivant not in etats and (cercle := visiter(suivant, [*chemin, noeud])):
                return cercle
        etats[noeud] = "fini"
        return None

    for noeud in graphe:
        if noeud not in etats and (cercle := visiter(noeud, [])):
            return cercle
    return None


def test_the_layers_name_every_project_app():
    projet = {config.name for config in apps.get_app_configs() if (RACINE / config.name).is_dir()}
    assert projet | {"plie_portal"} == REZ_DE_CHAUSSEE | METIER


def test_the_ground_floor_imports_no_domain_app():
    fautes = {
        f"{chemin.relative_to(RACINE)} → {', '.join(sorted(apps_importees(chemin) & METIER))}"
        for app in REZ_DE_CHAUSSEE
        for chemin in sources(app)
        if apps_importees(chemin) & METIER
    }
    assert not fautes


def test_the_ground_floor_models_point_at_no_domain_model():
    fautes = {
        f"{modele._meta.label}.{champ.name} → {champ.related_model._meta.label}"
        for modele in apps.get_models()
        if modele._meta.app_label in REZ_DE_CHAUSSEE
        for champ in modele._meta.get_fields()
        if champ.is_relation and not champ.auto_created and champ.related_model._meta.app_label in METIER
    }
    assert not fautes


def test_no_two_apps_models_import_each_other():
    graphe = {
        app: {autre for chemin in sources(app, seulement_modeles=True) for autre in apps_importees(chemin)} - {app}
        for app in REZ_DE_CHAUSSEE | METIER
    }
    assert sans_cercle(graphe) is None


def test_no_two_apps_models_point_at_each_other():
    graphe = {}
    for modele in apps.get_models():
        app = modele._meta.app_label
        if app not in REZ_DE_CHAUSSEE | METIER:
            continue
        for champ in modele._meta.get_fields():
            if champ.is_relation and not champ.auto_created and champ.related_model is not None:
                cible = champ.related_model._meta.app_label
                if cible != app and cible in REZ_DE_CHAUSSEE | METIER:
                    graphe.setdefault(app, set()).add(cible)
    assert sans_cercle(graphe) is None


def test_the_suite_collects_the_tests_of_every_app():
    """An app whose tests pytest does not look for would pass CI untested (pytest.ini testpaths)."""
    import configparser

    ini = configparser.ConfigParser()
    ini.read(RACINE / "pytest.ini")
    chemins = set(ini["pytest"]["testpaths"].split())
    avec_tests = {app for app in REZ_DE_CHAUSSEE | METIER if (RACINE / app / "tests").is_dir()}
    assert avec_tests - chemins == set()
