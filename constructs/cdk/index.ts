/**
 * `pulumi-aicluster/cdk`: what only an AWS CDK app needs (the optional peer aws-cdk-lib), beside the constructs of
 * `pulumi-aicluster/constructs`:
 *
 * - `cdkAnnotations`: an advisory reporter that turns aicluster's advisory notes into CDK warnings (`cdk synth` prints them).
 * - `FootprintTags`: an Aspect giving EC2 instances (`ec2.Instance` or `ec2.CfnInstance`) associated with a rack group
 *   the same `aicluster:` footprint tags the Pulumi AWS pilot (`AwsGpuCluster`) puts on its instances, built by the same
 *   code (components/aws/model.ts `pilotTags`), so the AWS tagging rules and cost tools read them the same way.
 */
import { Annotations, Aspects, CfnResource, IAspect, TagManager } from "aws-cdk-lib";
import type { IConstruct } from "constructs";
import { pilotTags } from "../../components/aws/model";
import { FOOTPRINT_TAGS } from "../../components/aws/tags";
import { DataHall } from "../dataHall";
import type { RackGroupConstruct } from "../rackGroup";
import { aiclusterParent } from "../tree";
import type { AdvisoryReporter } from "../validation";

export { FOOTPRINT_TAGS };

/** Advisory violations and exemption notes as CDK warnings, exempted violations as CDK info; pass as `policy.onAdvisory`. */
export const cdkAnnotations: AdvisoryReporter = (scope, note) => {
  if (note.kind === "exempted") Annotations.of(scope).addInfo(note.message);
  else Annotations.of(scope).addWarningV2(`aicluster:${note.policy}`, note.message);
};

/** Where an associated instance stands in the model. */
export interface FootprintAssociation {
  /** The rack group the instance realizes a node of. */
  rackGroup: RackGroupConstruct;
  /** The rack id it is tagged with (`aicluster:rack`), one of the group's `rackIds`. */
  rack: string;
}

/** Options of {@link FootprintTags.associate}. */
export interface AssociateOptions {
  /** The rack the instance stands for, one of the group's `rackIds`. @default the next free slot: instances fill the group's racks in order, `nodesPerRack` each, as the Pulumi pilot lays its nodes out */
  rack?: string;
}

const associations = new WeakMap<IConstruct, FootprintAssociation>();
const filled = new WeakMap<RackGroupConstruct, number>();

// Higher than Tags.of(...).add's default priority (100): the footprint's tags win over a user's, as in the Pulumi pilot.
const TAG_PRIORITY = 1000;

/** The names the Pulumi pilot tags with: the campus's name, and the hall's and group's names within their parents. */
function namesOf(group: RackGroupConstruct): { campus: string; hall: string; rackGroup: string } {
  const hall = aiclusterParent(group);
  const campus = hall ? aiclusterParent(hall) : undefined;
  if (!(hall instanceof DataHall) || !campus) {
    throw new Error(`[${group.node.path}] aicluster: FootprintTags.associate needs a rack group of a Campus (campus → hall → rack group): the aicluster:campus and aicluster:hall tags name them`);
  }
  // Child ids are `<parent>-<name>` (components/model/campus.ts hallChildName, dataHall.ts rackGroupChildName).
  const within = (child: IConstruct, parent: IConstruct) => child.node.id.slice(parent.node.id.length + 1);
  return { campus: campus.node.id, hall: within(hall, campus), rackGroup: within(group, hall) };
}

/**
 * An Aspect that sets the footprint tags on every EC2 instance (AWS::EC2::Instance) associated with a rack group, or
 * inside a construct (an `ec2.Instance`) that is. `associate` adds it where needed; adding it to a stack yourself is harmless.
 */
export class FootprintTags implements IAspect {
  private static readonly shared = new FootprintTags();

  /**
   * Associates an EC2 instance (`ec2.Instance` or `ec2.CfnInstance`) with a rack group of a campus: at synthesis it
   * carries `aicluster:campus`, `aicluster:hall`, `aicluster:rack-group`, `aicluster:rack`, `aicluster:accelerator`,
   * `aicluster:gpus` and `aicluster:it-kw` (one node's IT power). An Error names the instance when the group's modelled
   * nodes are all taken, or `rack` is not one of its racks.
   */
  static associate(instance: IConstruct, rackGroup: RackGroupConstruct, options: AssociateOptions = {}): FootprintAssociation {
    namesOf(rackGroup);
    const { rackIds, nodesPerRack, nodeCount } = rackGroup.footprint;
    if (associations.has(instance)) throw new Error(`[${instance.node.path}] aicluster: already associated with ${associations.get(instance)!.rackGroup.node.path}`);
    let rack = options.rack;
    if (rack === undefined) {
      const slot = filled.get(rackGroup) ?? 0;
      if (slot >= nodeCount) throw new Error(`[${instance.node.path}] aicluster: rack group ${rackGroup.node.id} models ${nodeCount} nodes and all are associated; allowed: at most ${nodeCount} instances per rack group, or a larger group`);
      filled.set(rackGroup, slot + 1);
      rack = rackIds[Math.floor(slot / nodesPerRack)];
    } else if (!rackIds.includes(rack)) {
      throw new Error(`[${instance.node.path}] aicluster: rack = "${rack}"; allowed: one of the racks of ${rackGroup.node.id} (${rackIds.slice(0, 3).join(", ")}${rackIds.length > 3 ? ", ..." : ""})`);
    }
    const association = { rackGroup, rack };
    associations.set(instance, association);
    Aspects.of(instance).add(FootprintTags.shared);
    return association;
  }

  /** The footprint tags an associated instance gets (for tests and for tagging other resources the same way). */
  static tagsOf(association: FootprintAssociation): Record<string, string> {
    const { nodes } = association.rackGroup.footprint;
    return pilotTags(namesOf(association.rackGroup), nodes, { rack: association.rack, itKw: nodes.nodePowerKw, gpus: nodes.gpusPerNode });
  }

  visit(node: IConstruct): void {
    if (!CfnResource.isCfnResource(node) || node.cfnResourceType !== "AWS::EC2::Instance" || !TagManager.isTaggable(node)) return;
    const association = node.node.scopes.map((s) => associations.get(s)).reverse().find((a) => a !== undefined);
    if (!association) return;
    for (const [key, value] of Object.entries(FootprintTags.tagsOf(association))) node.tags.setTag(key, value, TAG_PRIORITY);
  }
}
