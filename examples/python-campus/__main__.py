"""A one-hall liquid-cooled campus in central Ohio from Python: the campus of ../yaml-campus, through the Python SDK
generated from the aicluster package schema (scripts/engine/cli/gen-python-sdk)."""
import pulumi
import pulumi_aicluster as aicluster

config = pulumi.Config()
rack_count = config.get_int("rackCount") or 8

campus = aicluster.Campus(
    "campus",
    location="New Albany, Ohio",
    climate="central-ohio",
    online_year=2026,
    water_permit_m3_per_year=50000,
    halls=[
        aicluster.CampusHallArgs(
            name="hall-a",
            racks=[
                aicluster.HallRackGroupArgs(
                    name="row-1",
                    design="gb300-nvl72",
                    rack_count=rack_count,
                    supply_temp_c=40,
                )
            ],
            cooling=aicluster.PlantDesignArgs(technology="adiabatic", redundancy="N+1"),
        )
    ],
    power_contracts=[
        aicluster.CampusPowerContractArgs(
            name="grid", counterparty="AEP Ohio", source="grid-pjm-ohio", contracted_mw=2, firm_fraction=1
        ),
        aicluster.CampusPowerContractArgs(
            name="gas",
            counterparty="Genco",
            source="gas-turbine",
            market="behind-the-meter",
            contracted_mw=1,
            firm_fraction=1,
        ),
    ],
)

pulumi.export("gpuCount", campus.gpu_count)
pulumi.export("itLoadKw", campus.it_load_kw)
pulumi.export("facilityPowerKw", campus.facility_power_kw)
pulumi.export("pue", campus.pue)
pulumi.export("waterM3PerYear", campus.water_m3_per_year)
pulumi.export("carbonTco2PerYear", campus.carbon_tco2_per_year)
pulumi.export("powerHeadroomMw", campus.power_headroom_mw)
