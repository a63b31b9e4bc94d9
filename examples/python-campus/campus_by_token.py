"""The campus of __main__.py without a generated SDK: a remote component by its type token, args as plain dicts in
the schema's (camelCase) names. Run it with `main: campus_by_token.py` in Pulumi.yaml."""
import pulumi

config = pulumi.Config()
rack_count = config.get_int("rackCount") or 8
OUTPUTS = ["gpuCount", "itLoadKw", "facilityPowerKw", "pue", "waterM3PerYear", "carbonTco2PerYear", "powerHeadroomMw"]


class Campus(pulumi.ComponentResource):
    """aicluster:index:Campus, constructed by the aicluster plugin (remote=True)."""

    def __init__(self, name: str, args: dict, opts: pulumi.ResourceOptions | None = None):
        props = {**args, **{key: None for key in OUTPUTS}}
        super().__init__("aicluster:index:Campus", name, props, opts, remote=True)


campus = Campus(
    "campus",
    {
        "location": "New Albany, Ohio",
        "climate": "central-ohio",
        "onlineYear": 2026,
        "waterPermitM3PerYear": 50000,
        "halls": [
            {
                "name": "hall-a",
                "racks": [{"name": "row-1", "design": "gb300-nvl72", "rackCount": rack_count, "supplyTempC": 40}],
                "cooling": {"technology": "adiabatic", "redundancy": "N+1"},
            }
        ],
        "powerContracts": [
            {"name": "grid", "counterparty": "AEP Ohio", "source": "grid-pjm-ohio", "contractedMw": 2, "firmFraction": 1},
            {
                "name": "gas",
                "counterparty": "Genco",
                "source": "gas-turbine",
                "market": "behind-the-meter",
                "contractedMw": 1,
                "firmFraction": 1,
            },
        ],
    },
)

for key in OUTPUTS:
    pulumi.export(key, getattr(campus, key))
