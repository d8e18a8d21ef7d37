/**
 * `AWS::EC2::PrefixList`: CreateManagedPrefixList (PrefixListName,
 * AddressFamily, MaxEntries, Entries of `{Cidr, Description}`, Tags).
 * `Ref` is the prefix list id; `Fn::GetAtt` has `PrefixListId`, `Arn`,
 * `OwnerId`.
 */
import { createPrefixList } from "../../ec2/prefix-lists.js";
import { deleteEc2Record } from "../ec2-records.js";
import { type ResourceHandler, undoString } from "../resource-handler.js";

/**
 * The handler of `AWS::EC2::PrefixList`.
 *
 * @example
 * EC2_PREFIX_LIST.create(env, props).physicalId; // "pl-…"
 */
export const EC2_PREFIX_LIST: ResourceHandler = {
  create(env, props) {
    const { ctx } = env;
    const entries = props.objects("Entries").map((e) => {
      const entry = props.nested(e);
      const description = entry.optionalString("Description");
      return { cidr: entry.string("Cidr"), ...(description === undefined ? {} : { description }) };
    });
    const input = {
      prefixListName: props.string("PrefixListName"),
      addressFamily: props.string("AddressFamily"),
      maxEntries: props.optionalNumber("MaxEntries") ?? entries.length,
      entries,
      tags: props.tags("Tags"),
    };
    env.allow(
      "ec2:CreateManagedPrefixList",
      `arn:aws:ec2:${ctx.region}:${ctx.account}:prefix-list/*`,
    );
    const list = createPrefixList(ctx, input);
    return {
      physicalId: list.prefixListId,
      attributes: {
        PrefixListId: list.prefixListId,
        Arn: `arn:aws:ec2:${ctx.region}:${ctx.account}:prefix-list/${list.prefixListId}`,
        OwnerId: list.ownerId,
      },
      undo: { prefixListId: list.prefixListId },
    };
  },
  remove(ctx, undo) {
    deleteEc2Record(ctx, "prefixList", undoString(undo, "prefixListId"));
  },
};
