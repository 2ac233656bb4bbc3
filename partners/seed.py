"""Demo structures: the Métropole, the PLIE, prescribers, partners and applicant associations."""

from participants.models import Commune

from .models import Structure, TypeStructure
from .siret import make_siret

T = TypeStructure

# (name, acronym, kind, commune INSEE, PLIE partner, RNA)
STRUCTURES_SOCLE = [
    ("Métropole Rouen Normandie", "MRN", T.METROPOLE, "76540", False, None),
    ("PLIE de la Métropole Rouen Normandie", "PLIE", T.PLIE, "76540", True, None),
    ("France Travail Rouen Saint-Sever", "", T.FRANCE_TRAVAIL, "76540", True, None),
    ("Mission Locale de l'agglomération rouennaise", "MLAR", T.MISSION_LOCALE, "76540", True, None),
    ("CCAS de Rouen", "", T.COMMUNE_CCAS, "76540", True, None),
    ("CCAS de Saint-Étienne-du-Rouvray", "", T.COMMUNE_CCAS, "76575", True, None),
    ("Atelier chantier d'insertion Les Jardins de la Seine", "", T.SIAE_ACI, "76498", True, None),
    ("Organisme de formation Normandie Compétences", "", T.ORGANISME_FORMATION, "76157", True, None),
    ("Association Elbeuf Jeunesse Avenir", "EJA", T.ASSOCIATION, "76231", False, "W763000101"),
    ("Association Quartiers Solidaires Rouen", "AQSR", T.ASSOCIATION, "76540", False, "W763000102"),
]


def structure(ctx, nom, type_, insee, partenaire, rna=None, sigle="", numero=None):
    """Get or create a demo structure by name (idempotent)."""
    registre = ctx.data.setdefault("structures", {})
    numero = numero if numero is not None else len(registre) + 1
    obj, _created = Structure.objects.get_or_create(
        nom=nom,
        defaults={
            "type": type_,
            "sigle": sigle,
            "siret": make_siret(33_000 + numero * 7919),
            "rna": rna,
            "commune": Commune.objects.filter(pk=insee).first(),
            "adresse": f"{ctx.rng.randint(1, 120)} rue de la République",
            "telephone": f"02 35 {ctx.rng.randint(10, 99)} {ctx.rng.randint(10, 99)} {ctx.rng.randint(10, 99)}",
            "email": f"contact{numero}@exemple-structure.fr",
            "partenaire_plie": partenaire,
        },
    )
    registre[nom] = obj
    return obj


def seed(ctx):
    from parcours.catalogue import charger_catalogue
    from parcours.models import EtapeType

    charger_catalogue(EtapeType)
    for numero, (nom, sigle, type_, insee, partenaire, rna) in enumerate(STRUCTURES_SOCLE, start=1):
        structure(ctx, nom, type_, insee, partenaire, rna=rna, sigle=sigle, numero=numero)
    ctx.log(f"Structures : {Structure.objects.count()}")
