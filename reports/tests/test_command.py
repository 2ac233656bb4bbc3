import pytest
from django.core.management import CommandError, call_command
from pypdf import PdfReader

from reports.models import Rapport


def test_the_command_writes_the_parcours_sheet_with_the_tasks_code(world, tmp_path):
    sortie = tmp_path / "fiche.pdf"

    call_command("generer_rapport", "parcours", "--participant", str(world.participant.pk), "--sortie", str(sortie))

    texte = " ".join(page.extract_text() for page in PdfReader(sortie).pages)
    assert "Fiche de parcours" in texte and "Hélène" in texte
    assert Rapport.objects.count() == 3  # the world's three; the command's own is removed


def test_the_command_writes_the_fse_workbook_of_a_period(world, tmp_path):
    from openpyxl import load_workbook

    sortie = tmp_path / "fse.xlsx"

    call_command("generer_rapport", "fse", "--debut", "2026-01-01", "--fin", "2026-12-31", "--sortie", str(sortie))

    assert load_workbook(sortie, read_only=True).sheetnames == ["Indicateurs", "Op. 202600001", "Participations"]


def test_the_command_writes_the_committee_report_and_the_cerfa(world, tmp_path):
    call_command("generer_rapport", "comite", "--appel", str(world.appel.pk), "--sortie", str(tmp_path / "c.pdf"))
    call_command(
        "generer_rapport", "cerfa", "--dossier", str(world.dossier_depose.pk), "--sortie", str(tmp_path / "d.pdf")
    )

    assert (tmp_path / "c.pdf").read_bytes().startswith(b"%PDF")
    assert (tmp_path / "d.pdf").read_bytes().startswith(b"%PDF")


def test_the_command_refuses_an_object_outside_the_accounts_scope(world, tmp_path):
    with pytest.raises(CommandError, match="hors du périmètre"):
        call_command(
            "generer_rapport",
            "parcours",
            "--participant",
            str(world.participant_autre.pk),
            "--utilisateur",
            world.referent.email,
            "--sortie",
            str(tmp_path / "x.pdf"),
        )


def test_the_command_explains_missing_parameters_in_french(world, tmp_path):
    with pytest.raises(CommandError, match="Paramètres invalides pour « activite »"):
        call_command("generer_rapport", "activite", "--debut", "2026-01-01", "--sortie", str(tmp_path / "a.pdf"))
