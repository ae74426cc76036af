"""`cmake --install --prefix P` installs a package the system Python imports
from P/lib/pythonX.Y/dist-packages (site-packages off Debian), away from the
build tree, and that package decides."""
import os
import subprocess
import sys

from conftest import SOURCE, TOOL_ENV

SCRIPT = """
import json, sys, agentpol
print(agentpol.__file__)
engine = agentpol.Engine(agentpol.load(sys.argv[1]))
print(engine.decide(json.load(open(sys.argv[2]))).reason)
"""


def test_cmake_install_into_a_prefix(tmp_path, billing_bundle):
    prefix = tmp_path / "prefix"
    subprocess.run([os.environ["AGENTPOL_CMAKE"], "--install", os.environ["AGENTPOL_BUILD_DIR"],
                    "--prefix", str(prefix), "--component", "python"], check=True, capture_output=True,
                   env=TOOL_ENV)
    site = "dist-packages" if any(p.endswith("dist-packages") for p in sys.path) else "site-packages"
    packages = prefix / "lib" / ("python%d.%d" % sys.version_info[:2]) / site
    assert (packages / "agentpol" / "__init__.pyi").is_file()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONPATH"] = str(packages)
    run = subprocess.run([sys.executable, "-c", SCRIPT, str(billing_bundle),
                          str(SOURCE / "examples" / "billing" / "request.json")],
                         cwd=tmp_path, env=env, capture_output=True, text=True, check=True)
    where, reason = run.stdout.split()
    assert where.startswith(str(packages))
    assert reason == "permitted"
