"""Letters that coordination writes in the portal (issue 19): the notification of the decision
(retained / refused), the hearing convocation and the acknowledgement of receipt. Each is a text in
a safe template language — Jinja2's sandbox, fed only with the documented fields below as plain
strings — so that a template reaches nothing else: no setting, no object, no method of the code.

The PDF letters (reports/kinds/aap.py) and the automatic e-mails of the dossier thread
(models/workflow.py) read them through `rendre`; the letterhead, addresses and appeal routes stay in
the PDF layout."""

import logging
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from jinja2 import StrictUndefined, nodes
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

from plie_portal.dates import date_longue

from .affichage import valeur_affichee

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Champ:
    nom: str
    description: str
    exemple: str


# The merge fields: the only names a letter may use.
CHAMPS = [
    Champ("dossier.porteur", _("nom de l'organisme porteur"), "Association Tremplin"),
    Champ("dossier.projet", _("intitulé du projet"), "Aller vers les jeunes des Hauts-de-Rouen"),
    Champ("dossier.numero", _("numéro d'accusé de réception"), "AAP001-00012"),
    Champ("dossier.depose_le", _("date et heure du dépôt"), "1er juin 2026 à 14:30"),
    Champ("dossier.representant", _("représentant légal"), "Claire Martin, présidente"),
    Champ("appel.titre", _("titre de l'appel à projets"), "Repérer et mobiliser les publics « invisibles »"),
    Champ("montant_demande", _("montant demandé"), "30 000,00 €"),
    Champ("montant_accorde", _("montant accordé (après décision)"), "28 000,00 €"),
    Champ("motif", _("motif de la décision"), "Le repérage n'est pas assez décrit."),
    Champ("date_decision", _("date de la décision du comité"), "15 septembre 2026"),
    Champ("audition.date", _("date de l'audition"), "mardi 15 septembre 2026"),
    Champ("audition.heure", _("heure de l'audition"), "09:30"),
    Champ("audition.lieu", _("lieu de l'audition"), "Métropole, salle 3"),
    Champ("aujourd_hui", _("date du jour"), "3 décembre 2026"),
]


@dataclass(frozen=True)
class Nature:
    code: str
    libelle: str
    texte_par_defaut: str


NATURES = {
    n.code: n
    for n in (
        Nature(
            "notification_retenu",
            _("Notification : projet retenu"),
            "J'ai le plaisir de vous informer que le comité de sélection réuni le {{ date_decision }} a retenu "
            "votre projet « {{ dossier.projet }} ».\n\nMontant de la subvention accordée : {{ montant_accorde }} "
            "(montant demandé : {{ montant_demande }}).\n\nLa subvention sera versée sous forme d'une avance puis "
            "d'un solde. Un bilan de l'action (jeunes effectivement repérés et mobilisés, bilan financier) est "
            "attendu au plus tard six mois après la fin de l'action.",
        ),
        Nature(
            "notification_refus",
            _("Notification : projet non retenu"),
            "J'ai le regret de vous informer que le comité de sélection réuni le {{ date_decision }} n'a pas "
            "retenu votre projet « {{ dossier.projet }} ».\n\nMotif : {{ motif }}",
        ),
        Nature(
            "convention",
            _("Convention d'objectifs et de moyens"),
            "Entre la Métropole Rouen Normandie et {{ dossier.porteur }}, représenté par "
            "{{ dossier.representant }}.\n\n"
            "Article 1 – Objet. La présente convention a pour objet l'action « {{ dossier.projet }} », "
            "retenue au titre de l'appel à projets « {{ appel.titre }} » par le comité du {{ date_decision }}.\n\n"
            "Article 2 – Montant. La Métropole attribue une subvention de {{ montant_accorde }}.\n\n"
            "Article 3 – Versement. La subvention est versée sous forme d'une avance à la signature, puis du solde "
            "sur production du bilan de l'action.\n\n"
            "Article 4 – Bilan. L'organisme remet, au plus tard six mois après la fin de l'action, un bilan des jeunes "
            "effectivement repérés et mobilisés et un bilan financier.",
        ),
        Nature(
            "convocation",
            _("Convocation à l'audition"),
            "Vous êtes invité·e à présenter votre projet « {{ dossier.projet }} » au comité de lecture et de "
            "validation le {{ audition.date }} à {{ audition.heure }}, {{ audition.lieu }}.\n\nMerci de confirmer "
            "votre présence par la messagerie du portail.",
        ),
        Nature(
            "accuse",
            _("Accusé de réception"),
            "Nous accusons réception de votre demande de subvention pour le projet « {{ dossier.projet }} », "
            "déposée le {{ dossier.depose_le }} (n° {{ dossier.numero }}). Le contenu déposé est figé : c'est lui "
            "qui sera examiné. Le service instructeur vérifiera d'abord la recevabilité du dossier ; il pourra vous "
            "demander des compléments par la messagerie du portail.",
        ),
    )
}

# A letter is text, fields and at most a condition: no loop, call, arithmetic or include, so that
# nothing can run long or build a huge text; a few text filters; a bounded length.
LONGUEUR_MAX = 10_000
NOEUDS_PERMIS = (
    nodes.Template,
    nodes.Output,
    nodes.TemplateData,
    nodes.Name,
    nodes.Getattr,
    nodes.Const,
    nodes.If,
    nodes.Not,
    nodes.And,
    nodes.Or,
    nodes.Compare,
    nodes.Operand,
    nodes.Filter,
    nodes.CondExpr,
)
FILTRES_PERMIS = {"upper", "lower", "capitalize", "title", "trim", "default"}


class _Moteur(SandboxedEnvironment):
    """Jinja2's sandbox with no globals, no arithmetic and a handful of filters."""

    intercepted_binops = frozenset({"*", "**", "+", "-", "/", "//", "%"})

    def __init__(self):
        super().__init__(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=False)
        self.globals.clear()
        self.filters = {nom: filtre for nom, filtre in self.filters.items() if nom in FILTRES_PERMIS}

    def call_binop(self, context, operator, left, right):
        raise SecurityError(_("le calcul n'est pas permis dans un courrier"))


_MOTEUR = _Moteur()


def _verifier_forme(texte):
    """Refuse what a letter never needs before compiling it (loops, calls, operators…)."""
    if len(texte) > LONGUEUR_MAX:
        raise SecurityError(_("le texte dépasse %(n)s caractères") % {"n": LONGUEUR_MAX})
    for noeud in _MOTEUR.parse(texte).find_all(nodes.Node):
        if not isinstance(noeud, NOEUDS_PERMIS):
            raise SecurityError(_("« %(forme)s » n'est pas permis dans un courrier") % {"forme": type(noeud).__name__})


def _imbriquer(plats):
    """{"dossier.porteur": v} → {"dossier": {"porteur": v}}: what `{{ dossier.porteur }}` reads."""
    arbre = {}
    for nom, valeur in plats.items():
        *parents, feuille = nom.split(".")
        noeud = arbre
        for parent in parents:
            noeud = noeud.setdefault(parent, {})
        noeud[feuille] = valeur
    return arbre


def exemple():
    """The fields filled with their documented example (validation, help page)."""
    return _imbriquer({c.nom: str(c.exemple) for c in CHAMPS})


def contexte(dossier, **precisions):
    """The fields of `dossier` as plain strings (nothing but text reaches a template)."""
    audition = getattr(dossier, "audition", None)
    decision = precisions.get("decision_le")
    valeurs = {
        "dossier.porteur": dossier.porteur.nom,
        "dossier.projet": dossier.projet_intitule or "",
        "dossier.numero": dossier.numero_accuse or "",
        "dossier.depose_le": f"{date_longue(timezone.localdate(dossier.date_accuse))} à "
        f"{timezone.localtime(dossier.date_accuse):%H:%M}"
        if dossier.date_accuse
        else "",
        "dossier.representant": ", ".join(p for p in (dossier.representant_nom, dossier.representant_qualite) if p),
        "appel.titre": dossier.appel.titre,
        "montant_demande": f"{valeur_affichee(None, dossier.montant_demande)} €",
        "montant_accorde": f"{valeur_affichee(None, dossier.montant_accorde)} €" if dossier.montant_accorde else "",
        "motif": dossier.motif_decision or "",
        "date_decision": date_longue(timezone.localdate(decision)) if decision else "",
        "audition.date": date_longue(audition.date) if audition else "",
        "audition.heure": f"{audition.heure:%H:%M}" if audition else "",
        "audition.lieu": audition.lieu if audition else "",
        "aujourd_hui": date_longue(timezone.localdate()),
    }
    return _imbriquer(valeurs)


def rendre_texte(texte, valeurs):
    _verifier_forme(texte)
    return _MOTEUR.from_string(texte).render(valeurs).strip()


def valider(texte):
    """Refuse, in French, a text that does not render with the documented fields alone."""
    try:
        rendre_texte(texte, exemple())
    except Exception as erreur:
        raison = getattr(erreur, "message", None) or str(erreur) or erreur.__class__.__name__
        raise ValidationError(
            _("Ce modèle ne peut pas être utilisé : %(raison)s. Seuls les champs de la liste sont permis."),
            params={"raison": raison},
        ) from erreur


def texte_courant(nature):
    """The letter as coordination last saved it, or the portal's default."""
    from .models import ModeleCourrier

    modele = ModeleCourrier.objects.filter(nature=nature).first()
    return modele.texte if modele else str(NATURES[nature].texte_par_defaut)


def rendre(nature, dossier, texte=None, **precisions):
    """The letter `nature` for `dossier` (`texte`: a draft to preview instead of the saved one). A
    saved letter that fails on this dossier's data falls back to the portal's text: a deposit or a
    decision never fails because of a letter."""
    valeurs = contexte(dossier, **precisions)
    if texte is not None:
        return rendre_texte(texte, valeurs)
    try:
        return rendre_texte(texte_courant(nature), valeurs)
    except Exception:
        logger.exception("Courrier « %s » inutilisable pour le dossier %s : texte du portail", nature, dossier.pk)
        return rendre_texte(str(NATURES[nature].texte_par_defaut), valeurs)
