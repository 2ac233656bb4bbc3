from reports.models import StatutRapport
from reports.tests.helpers import est_balise, lire_pdf, produire


def test_the_parcours_sheet_of_a_referent_holds_identity_situation_steps_and_is_tagged(
    world, django_capture_on_commit_callbacks
):
    rapport = produire(world.referent, "parcours", django_capture_on_commit_callbacks, participant=world.participant.pk)

    assert rapport.statut == StatutRapport.TERMINE, rapport.erreur
    reader, texte = lire_pdf(rapport)
    assert est_balise(reader)
    assert "LEFÈVRE" in texte and "Hélène" in texte
    assert "Situation à l'entrée" in texte
    assert "Page 1 sur" in texte
    assert texte.index("Identité et coordonnées") < texte.index("Étapes")


def test_a_partner_gets_the_partner_version_without_sensitive_data_nor_other_structures_steps(
    world, django_capture_on_commit_callbacks
):
    from parcours.tests.factories import EtapeFactory
    from partners.tests.factories import EtapeTypeFactory

    world.participant.adresse = "12 rue Secrète"
    world.participant.identifiant_france_travail = "FT998877"
    world.participant.save()
    world.parcours.rsa = True
    world.parcours.qpv = True
    world.parcours.save()
    EtapeFactory(parcours=world.parcours, structure=world.of_autre, type=EtapeTypeFactory(libelle="Atelier santé"))

    rapport = produire(
        world.partenaire, "parcours", django_capture_on_commit_callbacks, participant=world.participant.pk
    )

    assert rapport.statut == StatutRapport.TERMINE, rapport.erreur
    reader, texte = lire_pdf(rapport)
    assert est_balise(reader)
    assert "Version partenaire" in texte
    assert "LEFÈVRE" in texte and "06 12 34 56 78" in texte
    assert world.etape.type.libelle in texte
    for sensible in ("12 rue Secrète", "FT998877", "RSA", "QPV", "Situation à l'entrée", "Atelier santé", "Sortie"):
        assert sensible not in texte, sensible


def test_the_information_notice_covers_data_processing_gdpr_rights_and_fse_cofunding(
    world, django_capture_on_commit_callbacks
):
    rapport = produire(world.referent, "notice", django_capture_on_commit_callbacks, participant=world.participant.pk)

    reader, texte = lire_pdf(rapport)
    assert est_balise(reader)
    assert "Notice d'information" in texte
    assert "Fonds social européen plus (FSE+)" in texte
    assert "CNIL" in texte and "rectifier" in texte
    assert "Signature du participant" in texte


def test_a_referent_cannot_get_a_sheet_of_a_participant_outside_their_structure(
    world, django_capture_on_commit_callbacks
):
    rapport = produire(
        world.referent, "parcours", django_capture_on_commit_callbacks, participant=world.participant_autre.pk
    )

    assert rapport.statut == StatutRapport.ECHEC
    assert rapport.erreur == "Vous n'avez plus accès à l'objet de ce document."
    assert not rapport.fichier


def test_the_participants_export_applies_the_filters_and_the_partners_columns(
    world, django_capture_on_commit_callbacks
):
    from openpyxl import load_workbook

    rapport = produire(world.partenaire, "participants", django_capture_on_commit_callbacks, q="helene")

    assert rapport.statut == StatutRapport.TERMINE, rapport.erreur
    assert rapport.nom_fichier.endswith(".xlsx")
    with rapport.fichier.open("rb") as fichier:
        lignes = list(load_workbook(fichier, read_only=True)["Participants"].iter_rows(values_only=True))
    assert "Adresse" not in lignes[0] and "QPV" not in lignes[0]
    assert [ligne[0] for ligne in lignes[1:]] == ["Lefèvre"]


def test_the_coordination_export_filtered_by_a_search_finds_only_the_matching_people(
    world, django_capture_on_commit_callbacks
):
    from openpyxl import load_workbook

    rapport = produire(world.coordination, "participants", django_capture_on_commit_callbacks, q="martin")

    with rapport.fichier.open("rb") as fichier:
        lignes = list(load_workbook(fichier, read_only=True)["Participants"].iter_rows(values_only=True))
    assert "QPV" in lignes[0]
    assert [ligne[0] for ligne in lignes[1:]] == ["Martin"]


def test_a_partner_cannot_search_the_export_by_the_france_travail_identifier(world, django_capture_on_commit_callbacks):
    from openpyxl import load_workbook

    world.participant.identifiant_france_travail = "7654321B"
    world.participant.save()
    rapport = produire(world.partenaire, "participants", django_capture_on_commit_callbacks, q="7654321b")

    with rapport.fichier.open("rb") as fichier:
        lignes = list(load_workbook(fichier, read_only=True)["Participants"].iter_rows(values_only=True))
    assert lignes[1:] == []


def test_french_typography_puts_a_narrow_no_break_space_before_high_punctuation():
    from reports.pdf import typographie

    assert typographie("Motif : « retenu » ; oui ?") == "Motif\u202f: «\u202fretenu\u202f»\u202f; oui\u202f?"
    assert typographie('<a href="https://exemple.fr">') == '<a href="https://exemple.fr">'


def lignes_export(rapport):
    from openpyxl import load_workbook

    assert rapport.statut == StatutRapport.TERMINE, rapport.erreur
    with rapport.fichier.open("rb") as fichier:
        return [
            list(ligne) for ligne in load_workbook(fichier, read_only=True)["Participants"].iter_rows(values_only=True)
        ]


def test_the_export_of_coordination_has_the_fse_columns(world, django_capture_on_commit_callbacks):
    world.parcours.rsa = True
    world.parcours.save()

    lignes = lignes_export(
        produire(world.coordination, "participants", django_capture_on_commit_callbacks, q="lefevre")
    )

    assert lignes[1][lignes[0].index("RSA")] == "oui"
    assert len(lignes) == 2


def test_the_export_of_a_partner_has_only_identity_and_contact(world, django_capture_on_commit_callbacks):
    lignes = lignes_export(produire(world.partenaire, "participants", django_capture_on_commit_callbacks))

    assert lignes[0] == ["Nom", "Nom de naissance", "Prénom", "Date de naissance", "Commune", "Téléphone", "E-mail"]
    assert [ligne[0] for ligne in lignes[1:]] == ["Lefèvre"]


def test_the_export_neutralises_cells_that_look_like_formulas(world, django_capture_on_commit_callbacks):
    from participants.tests.factories import ParticipantFactory

    ParticipantFactory(nom='=HYPERLINK("http://x")', prenom="+33", referent=world.referent)

    lignes = lignes_export(produire(world.referent, "participants", django_capture_on_commit_callbacks))

    cellules = [c for ligne in lignes for c in ligne if isinstance(c, str)]
    assert '\'=HYPERLINK("http://x")' in cellules and "'+33" in cellules
    assert not any(c.startswith(("=", "+", "-", "@")) for c in cellules)


def test_the_export_of_a_referent_stays_in_their_structure(world, django_capture_on_commit_callbacks):
    lignes = lignes_export(produire(world.referent, "participants", django_capture_on_commit_callbacks))

    assert sorted(ligne[0] for ligne in lignes[1:]) == ["Durand", "Lefèvre"]
