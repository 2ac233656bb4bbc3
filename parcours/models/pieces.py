"""The proofs (pièces justificatives) the FSE+ asks of each participation (issue 17): the one table
from which the SQL rule (`manque_pieces`) and a participation's missing list both come."""

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

# (document type, what is missing, needed only once the participation has ended)
PIECES = (
    ("questionnaire", _("questionnaire d'entrée signé"), False),
    ("eligibilite", _("justificatif d'éligibilité"), False),
    ("sortie", _("justificatif de situation à la sortie"), True),
)
# The managing authority must be able to reach the person: one of these is enough.
JOIGNABLE = ("telephone", "email", "contact_tiers")
INJOIGNABLE = _("moyen de joindre la personne (téléphone, e-mail ou personne à joindre)")


class PieceFSE(models.Model):
    """A participant's document (participants.Document: its file, type, date) filed as a proof of
    one of their participations. Kept here so that only the parcours point at the participants."""

    parcours = models.ForeignKey("parcours.Parcours", on_delete=models.CASCADE, related_name="pieces")
    document = models.OneToOneField("participants.Document", on_delete=models.CASCADE, related_name="piece_fse")

    class Meta:
        verbose_name = _("pièce justificative FSE+")
        verbose_name_plural = _("pièces justificatives FSE+")

    def __str__(self):
        return f"{self.document} ({self.parcours})"


def manque_pieces():
    """Q of an entered participation of a Parcours queryset one proof of which is missing, or
    whose person cannot be reached. Subqueries only (no join): an UPDATE can use it too."""
    from django.apps import apps

    manque = Q()
    for type_, _libelle, a_la_sortie in PIECES:
        absente = Q(~Exists(PieceFSE.objects.filter(parcours=OuterRef("pk"), document__type=type_)))
        manque |= (Q(date_sortie__isnull=False) & absente) if a_la_sortie else absente
    Participant = apps.get_model("participants", "Participant")
    injoignable = Exists(
        Participant._base_manager.filter(pk=OuterRef("participant_id"), **dict.fromkeys(JOIGNABLE, ""))
    )
    return manque | Q(injoignable)


def pieces_manquantes(parcours, types_presents):
    """What is missing for `parcours` (its proofs' types given: no query here), in French."""
    manquantes = [
        libelle
        for type_, libelle, a_la_sortie in PIECES
        if type_ not in types_presents and (parcours.date_sortie or not a_la_sortie)
    ]
    participant = parcours.participant
    if not any(getattr(participant, champ) for champ in JOIGNABLE):
        manquantes.append(INJOIGNABLE)
    return manquantes


def etat_des_pieces(parcours):
    """Each proof the participation needs now: {type, libelle, documents} (`pieces` may be
    prefetched), in the order of PIECES."""
    documents = [piece.document for piece in parcours.pieces.all()]
    return [
        {"type": type_, "libelle": libelle, "documents": [d for d in documents if d.type == type_]}
        for type_, libelle, a_la_sortie in PIECES
        if parcours.date_sortie or not a_la_sortie
    ]
