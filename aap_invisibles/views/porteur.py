"""The applicant's side: their dossiers, the editor by section, attachments, submission, final report."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.models import Role
from plie_portal.dates import date_heure_longue
from plie_portal.versions import MESSAGE_CONFLIT

from ..forms import (
    BilanForm,
    ConsultationEPSForm,
    LigneBudgetFormSet,
    PieceJointeForm,
    SubventionForm,
    formulaire_section,
)
from ..models import (
    SECTIONS_CERFA,
    SECTIONS_PAR_CODE,
    AppelAProjets,
    Bilan,
    ConsultationEPS,
    Dossier,
    LigneBilan,
    LigneBudget,
    StatutDossier,
    TransitionInvalide,
)
from ..validators import type_reel
from .base import dossier_visible, exiger_role, paginer


@require_GET
def mes_dossiers(request):
    """The applicant's home: their organisation's dossiers and the open calls."""
    exiger_role(request, Role.PORTEUR)
    dossiers = (
        Dossier.objects.visible_to(request.user).select_related("appel", "porteur").order_by("-modifie_le", "-id")
    )
    page = paginer(request, dossiers)
    deja = set(dossiers.values_list("appel_id", flat=True))
    ouverts = [a for a in AppelAProjets.objects.ouverts().order_by("date_cloture", "id") if a.pk not in deja]
    return render(request, "aap_invisibles/mes_dossiers.html", {"page": page, "ouverts": ouverts})


@require_http_methods(["GET", "POST"])
def dossier_creer(request, slug):
    """Start the organisation's dossier for a call (one per organisation and call)."""
    exiger_role(request, Role.PORTEUR)
    appel = get_object_or_404(AppelAProjets.objects.publies(), slug=slug)
    existant = Dossier.objects.filter(appel=appel, porteur_id=request.user.structure_id).first()
    if existant:
        return redirect(existant)
    if request.method == "POST":
        if not appel.accepte_les_depots():
            if timezone.now() < appel.date_ouverture:
                message = _("Cet appel n'est pas encore ouvert : les candidatures commencent le %(date)s.") % {
                    "date": date_heure_longue(appel.date_ouverture)
                }
            else:
                message = _("Cet appel n'accepte plus de candidature.")
            messages.error(request, message)
            return redirect(appel)
        structure = request.user.structure
        with transaction.atomic():
            dossier = Dossier.objects.create(
                appel=appel,
                porteur=structure,
                cree_par=request.user,
                nom=structure.nom,
                sigle=structure.sigle,
                siret=structure.siret or "",
                rna=structure.rna or "",
                telephone=structure.telephone,
                email=structure.email,
                site_web=structure.site_web,
            )
        messages.success(request, _("Votre dossier est créé : complétez chaque section puis déposez-le."))
        return redirect(dossier)
    return render(request, "aap_invisibles/dossier_creer.html", {"appel": appel})


def _dossier_du_porteur(request, pk):
    return dossier_visible(request, pk, Role.PORTEUR)


@require_http_methods(["GET", "POST"])
def dossier_section(request, pk, code):
    """One section of the application, saved on its own, with what it still lacks."""
    dossier = _dossier_du_porteur(request, pk)
    section = SECTIONS_PAR_CODE.get(code)
    if section is None:
        raise Http404
    if request.method != "POST":
        return _section(request, dossier, section, code, code in dossier.sections_modifiables())
    # A save (an autosave too) works on the row locked and read afresh: one that overlaps the
    # deposit waits for it, then finds the dossier no longer editable instead of writing back a draft.
    with transaction.atomic():
        # The dossier's row only (not the call's, which the decisions lock): `of` where supported.
        dossier = verrouiller(dossier)
        if code not in dossier.sections_modifiables():
            if _est_sauvegarde_auto(request):
                return JsonResponse({"erreur": _("Cette section ne peut plus être modifiée.")}, status=409)
            raise PermissionDenied
        return _section(request, dossier, section, code, True)


def verrouiller(dossier):
    """The dossier's row, locked until the transaction ends and read afresh (PostgreSQL)."""
    return Dossier.objects.select_for_update().get(pk=dossier.pk)


def _enregistrer_champs(form, section):
    """Write only the section's own fields (and its many-to-many ones): never the dossier's state.
    Refused (False) when a colleague saved this section since the form was opened (its version)."""
    dossier = form.instance  # locked and read afresh by dossier_section
    versions = dict(dossier.versions_sections)
    envoyee = form.data.get("version")
    if envoyee not in (None, "") and envoyee != str(versions.get(section.code, 0)):
        form.conflit_de_version = True
        form.add_error(None, MESSAGE_CONFLIT)
        return False
    dossier = form.save(commit=False)
    versions[section.code] = versions.get(section.code, 0) + 1
    dossier.versions_sections = versions
    simples = [nom for nom in section.champs if not dossier._meta.get_field(nom).many_to_many]
    dossier.save(update_fields=[*simples, "versions_sections", "modifie_le"])
    form.save_m2m()
    return True


def _section(request, dossier, section, code, modifiable):
    data = request.POST if request.method == "POST" else None
    files = request.FILES if request.method == "POST" else None
    # The section menu with a tick per complete section (what each lacks, in the Cerfa's order).
    contexte = {"dossier": dossier, "section": section, "modifiable": modifiable, "sections": dossier.completude()}

    if section.champs:
        form = formulaire_section(code)(data, instance=dossier)
        if data is not None and form.is_valid() and _enregistrer_champs(form, section):
            return _enregistre(request, dossier, code)
        if _est_sauvegarde_auto(request):
            if form.conflit_de_version:
                return JsonResponse({"erreur": str(MESSAGE_CONFLIT)}, status=409)
            return JsonResponse({"erreurs": form.errors}, status=400)
        contexte["form"] = form
        contexte["version"] = dossier.versions_sections.get(code, 0)
    elif code == "6bis":
        lignes = dossier.lignes_budget.filter(subvention_metropole=False)
        formset = LigneBudgetFormSet(data, instance=dossier, queryset=lignes, prefix="lignes")
        subvention = dossier.ligne_subvention()
        sub_form = SubventionForm(data, initial={"montant_demande": subvention.montant if subvention else None})
        if data is not None and formset.is_valid() and sub_form.is_valid():
            with transaction.atomic():
                formset.save()
                LigneBudget.objects.update_or_create(
                    dossier=dossier,
                    subvention_metropole=True,
                    defaults={
                        "compte": "74",
                        "libelle": "Métropole Rouen Normandie",
                        "montant": sub_form.cleaned_data["montant_demande"],
                    },
                )
                dossier.recalculer_montant_demande()
            return _enregistre(request, dossier, code, champs=formset.ids_des_nouvelles_lignes())
        if _est_sauvegarde_auto(request):
            return JsonResponse({"erreurs": formset.errors, "subvention": sub_form.errors}, status=400)
        contexte.update(formset=formset, sub_form=sub_form, budget=dossier.lignes_budget_par_compte())
        contexte["totaux"] = dossier.totaux_budget()
    elif code == "eps":
        instance = getattr(dossier, "consultation_eps", None) or ConsultationEPS(dossier=dossier)
        form = ConsultationEPSForm(data, files, instance=instance)
        if data is not None and form.is_valid():
            form.save()
            return _enregistre(request, dossier, code)
        contexte["form"] = form
        contexte["eps"] = instance if instance.pk else None
    else:  # pieces
        form = PieceJointeForm(data, files)
        if data is not None and form.is_valid():
            piece = form.save(commit=False)
            fichier = form.cleaned_data["fichier"]
            piece.dossier = dossier
            piece.nom_original = fichier.name[:255]
            piece.taille = fichier.size
            piece.type_mime = type_reel(fichier) or ""
            piece.ajoute_par = request.user
            piece.save()
            return _enregistre(request, dossier, code)
        contexte["form"] = form
        contexte["pieces"] = dossier.pieces.all()
    contexte["manquants"] = dossier.manquants_section(code)
    return render(request, "aap_invisibles/dossier_section.html", contexte)


def _est_sauvegarde_auto(request):
    """A draft saved by static/js/autosave.js while the applicant types (no page to render)."""
    return request.method == "POST" and request.headers.get("X-Requested-With") == "fetch"


def _enregistre(request, dossier, code, champs=None):
    if _est_sauvegarde_auto(request):
        # The new version, that the page sends with its next save, and the ids of the rows just
        # created, that the page fills in so that they are updated next time (static/js/autosave.js).
        return JsonResponse({"version": dossier.versions_sections.get(code, 0), "champs": champs or {}})
    manquants = dossier.manquants_section(code)
    if manquants:
        messages.warning(request, _("Section enregistrée. Il manque encore : %s.") % ", ".join(manquants))
    else:
        messages.success(request, _("Section enregistrée et complète."))
    if request.POST.get("continuer"):
        # "Enregistrer et continuer": the next section of the Cerfa, then the deposit checklist.
        codes = [s.code for s in SECTIONS_CERFA]
        if codes.index(code) + 1 < len(codes):
            return redirect("aap_invisibles:dossier_section", pk=dossier.pk, code=codes[codes.index(code) + 1])
        return redirect("aap_invisibles:dossier_deposer", pk=dossier.pk)
    return redirect("aap_invisibles:dossier_section", pk=dossier.pk, code=code)


@require_POST
def dossier_piece_supprimer(request, pk, piece_pk):
    dossier = _dossier_du_porteur(request, pk)
    with transaction.atomic():
        dossier = verrouiller(dossier)
        piece = get_object_or_404(dossier.pieces, pk=piece_pk)
        if "pieces" not in dossier.sections_modifiables():
            raise PermissionDenied
        piece.delete()
        # The file goes once the row is gone for good (a rollback would otherwise lose it).
        transaction.on_commit(lambda: piece.fichier.storage.delete(piece.fichier.name))
    messages.success(request, _("Pièce supprimée."))
    return redirect("aap_invisibles:dossier_section", pk=dossier.pk, code="pieces")


@require_http_methods(["GET", "POST"])
def dossier_deposer(request, pk):
    """Checklist of what is missing; submission only when complete and while the call accepts submissions."""
    dossier = _dossier_du_porteur(request, pk)
    if dossier.statut != StatutDossier.BROUILLON:
        return redirect(dossier)
    erreur = None
    if request.method == "POST":
        try:
            dossier.deposer(request.user)
        except TransitionInvalide as exc:
            erreur = exc.message
        else:
            messages.success(request, _("Dossier déposé. Accusé de réception n° %(n)s.") % {"n": dossier.numero_accuse})
            return redirect(dossier)
    completude = dossier.completude()
    contexte = {
        "dossier": dossier,
        "completude": completude,
        "complet": all(not item["manquants"] for item in completude),
        "ouvert": dossier.appel.accepte_les_depots(),
        "erreur": erreur,
    }
    return render(request, "aap_invisibles/dossier_deposer.html", contexte, status=200)


@require_http_methods(["GET", "POST"])
def bilan(request, pk):
    """The funded organisation's final report: young people and budget vs actual per line."""
    dossier = dossier_visible(request, pk)
    if dossier.statut != StatutDossier.RETENU:
        raise Http404
    bilan_existant = Bilan.objects.filter(dossier=dossier).prefetch_related("lignes").first()
    modifiable = dossier.est_porteur(request.user) and not (bilan_existant and bilan_existant.depose_le)
    if request.method == "POST" and not modifiable:
        raise PermissionDenied
    lignes = list(dossier.lignes_budget.all())
    realises = {lb.ligne_id: lb.montant_realise for lb in bilan_existant.lignes.all()} if bilan_existant else {}
    form = BilanForm(
        request.POST or None,
        instance=bilan_existant,
        lignes=lignes,
        realises=realises,
        debut_action=dossier.date_debut,
        depot="deposer" in request.POST,
    )
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            objet = form.save(commit=False)
            objet.dossier = dossier
            if "deposer" in request.POST:
                objet.depose_le = timezone.now()
                objet.depose_par = request.user
            objet.save()
            for ligne, montant in form.realises().items():
                LigneBilan.objects.update_or_create(bilan=objet, ligne=ligne, defaults={"montant_realise": montant})
        messages.success(request, _("Bilan déposé.") if objet.depose_le else _("Bilan enregistré (brouillon)."))
        return redirect("aap_invisibles:bilan", pk=dossier.pk)
    contexte = {
        "dossier": dossier,
        "bilan": bilan_existant,
        "form": form if modifiable else None,
        "echeance": dossier.echeance_bilan(),
        "lignes": bilan_existant.lignes_financieres() if bilan_existant else [],
        "objectifs": bilan_existant.comparaison_objectifs() if bilan_existant else [],
    }
    return render(request, "aap_invisibles/bilan.html", contexte)
