import os
from itertools import chain
from time import time

from flask import Flask, make_response, render_template, request


class WebUI:
    def __init__(self, environment, host: str = "", port: int = 8089) -> None:
        self.environment = environment
        self.app = app = Flask(__name__)

        @app.route("/stats/report")
        def stats_report():
            stats = environment.runner.stats
            requests_statistics = list(chain(sorted(stats.entries.values(), key=str), [stats.total]))
            failures_statistics = sorted(stats.errors.values(), key=str)
            static_js = ""
            js_files = ["jquery-1.11.3.min.js", "echarts.common.min.js", "vintage.js", "chart.js"]
            for js_file in js_files:
                path = os.path.join(os.path.dirname(__file__), "static", js_file)
                with open(path, encoding="utf8") as f:
                    content = f.read()
                static_js += "// " + js_file + "\n"
                static_js += content
                static_js += "\n\n\n"
            res = render_template("report.html", requests_statistics=requests_statistics,
                                  failures_statistics=failures_statistics, history=stats.history,
                                  static_js=static_js)
            if request.args.get("download"):
                res = make_response(res)
                res.headers["Content-Disposition"] = "attachment;filename=report_%s.html" % time()
            return res
