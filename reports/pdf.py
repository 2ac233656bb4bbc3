"""PDF rendering with WeasyPrint: tagged PDF/UA-1, shipped fonts, print stylesheet read from disk."""

from pathlib import Path

from django.template.loader import render_to_string

REPORTS_DIR = Path(__file__).resolve().parent
FEUILLE_IMPRESSION = REPORTS_DIR / "static" / "reports" / "impression.css"


def rendre_pdf(template_name, context, sortie=None):
    """Render an HTML template of `templates/reports/pdf/` to a tagged PDF (bytes, or into `sortie`)."""
    # Imported here: WeasyPrint loads Pango at import, which the web pages never need.
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    html = render_to_string(template_name, context)
    fonts = FontConfiguration()
    css = CSS(filename=str(FEUILLE_IMPRESSION), font_config=fonts)
    document = HTML(string=html, base_url=str(REPORTS_DIR)).render(stylesheets=[css], font_config=fonts)
    # PDF/UA-1: tagged structure (StructTreeRoot), document language and title for screen readers.
    return document.write_pdf(sortie, pdf_variant="pdf/ua-1")
