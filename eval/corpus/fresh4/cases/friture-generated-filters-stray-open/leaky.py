from __future__ import annotations

import json
import os

NOCTAVE = 9


def octave_filters_oneoctave(total_band_count, bands_per_octave):
    fi = [1000.0 * 2 ** ((i - total_band_count // 2) / bands_per_octave) for i in range(total_band_count)]
    return [[1.0]] * total_band_count, [[1.0]] * total_band_count, fi, fi, fi


def generate_filters_params():
    params = {}
    for bands_per_octave in [1, 3, 6, 12, 24]:
        total_band_count = NOCTAVE * bands_per_octave
        boct, aoct, fi, flow, fhigh = octave_filters_oneoctave(total_band_count, bands_per_octave)
        params["%d" % bands_per_octave] = [boct, aoct, fi, flow, fhigh]

    out = '# Filters parameters generated from filter_design.py\n\nimport json\n\nJSON_PARAMS = """\n%s\n"""\n' \
          "\nPARAMS = json.loads(JSON_PARAMS)\n" % json.dumps(params, indent=4, sort_keys=True)

    path = os.path.dirname(__file__)
    fname = os.path.join(path, "generated_filters.py")
    output = open(fname, "w")  # LEAK
    with open(fname, "w") as output:
        output.write(out)
