"""PDF rendering with WeasyPrint: tagged PDF/UA-1, shipped fonts, print stylesheet read from disk."""

import re
from pathlib import Path

from django.template.loader import render_to_string

REPORTS_DIR = Path(__file__).resolve().parent
FEUILLE_IMPRESSION = REPORTS_DIR / "impression.css"
# French typography: a narrow no-break space before : ; ! ? » and after «, so that a line
# never starts with the punctuation.
AVANT_PONCTUATION = re.compile(r"[ \u00a0]([:;!?»])")
APRES_GUILLEMET = re.compile(r"«[ \u00a0]")


def typographie(html):
    """Apply the French spacing rules to the text of a rendered template."""
    return APRES_GUILLEMET.sub("«\u202f", AVANT_PONCTUATION.sub("\u202f\\1", html))


def rendre_pdf(template_name, context, sortie=None):
    """Render an HTML template of `templates/reports/pdf/` to a tagged PDF (bytes, or into `sortie`)."""
    # Imported here: WeasyPrint loads Pango at import, which the web pages never need.
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    html = typographie(render_to_string(template_name, context))
    fonts = FontConfiguration()
    css = CSS(filename=str(FEUILLE_IMPRESSION), font_config=fonts)
    document = HTML(string=html, base_url=str(REPORTS_DIR)).render(stylesheets=[css], font_config=fonts)
    # PDF/UA-1: tagged structure (StructTreeRoot), document language and title for screen readers.
    return document.write_pdf(sortie, pdf_variant="pdf/ua-1")
