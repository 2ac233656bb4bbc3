"""Documents of a participant: upload checked by content, download through an access-checked and
logged view (never a public URL), deletion with confirmation."""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from accounts.audit import log_access
from accounts.permissions import role_required
from plie_portal.fichiers import telecharger as telecharger_fichier

from ..forms import DocumentForm
from ..models import Document, Participant
from .liste import ROLES_PARTICIPANTS

ROLES_DOCUMENTS = ("coordination", "referent")


@role_required(*ROLES_DOCUMENTS)
def ajouter(request, pk):
    participant = get_object_or_404(Participant.objects.editable_by(request.user), pk=pk)
    # Prefilled from the proofs of a participation ("Ajouter" next to a missing one).
    initial = {cle: request.GET[cle] for cle in ("type", "parcours") if request.GET.get(cle)}
    form = DocumentForm(request.POST or None, request.FILES or None, participant=participant, initial=initial)
    if request.method == "POST" and form.is_valid():
        form.instance.participant, form.instance.auteur = participant, request.user
        with transaction.atomic():
            document = form.save()  # and its filing as a proof of the chosen participation
        messages.success(request, _("Le document « %(titre)s » a été ajouté.") % {"titre": document.titre})
        return redirect("participants:detail", pk=participant.pk)
    return render(request, "participants/document_form.html", {"form": form, "participant": participant})


def _document_visible(request, pk):
    """The document, when its participant's sensitive data is visible to the user; 404 otherwise."""
    document = get_object_or_404(
        Document.objects.select_related("participant"),
        pk=pk,
        participant__in=Participant.objects.sensibles_visibles_par(request.user),
    )
    return document


@role_required(*ROLES_PARTICIPANTS)
def telecharger(request, pk):
    document = _document_visible(request, pk)
    reponse = telecharger_fichier(document.fichier)
    log_access(request, "telechargement", document)
    return reponse


@role_required(*ROLES_DOCUMENTS)
def supprimer(request, pk):
    document = get_object_or_404(
        Document.objects.select_related("participant"),
        pk=pk,
        participant__in=Participant.objects.editable_by(request.user),
    )
    participant = document.participant
    if request.method == "POST":
        with transaction.atomic():
            document.delete()
            transaction.on_commit(lambda: document.fichier.storage.delete(document.fichier.name))
        messages.success(request, _("Le document a été supprimé."))
        return redirect("participants:detail", pk=participant.pk)
    return render(request, "participants/document_supprimer.html", {"document": document, "participant": participant})
