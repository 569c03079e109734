"""Remove GOV.UK Frontend's footer crest from the compiled stylesheet (build-frontend.sh).

The crest, like the crown, is reserved for GOV.UK services, so its image is not shipped; a
stylesheet that still named it would make ``collectstatic`` (manifest storage) fail. The
footer's copyright logo is not used by our templates, so its rules go whole."""

import re
import sys

CREST_RULE = r"\.govuk-footer__copyright-logo::before\{[^}]*govuk-crest\.svg[^}]*\}"


def strip(css: str) -> str:
    css = re.sub(r"@supports[^{]*\{" + CREST_RULE + r"\}", "", css)
    return re.sub(CREST_RULE, "", css)


if __name__ == "__main__":
    path = sys.argv[1]
    with open(path, encoding="utf-8") as f:
        css = strip(f.read())
    if "govuk-crest" in css:
        sys.exit(f"{path} still names the crest: update scripts/strip_crest.py")
    with open(path, "w", encoding="utf-8") as f:
        f.write(css)
