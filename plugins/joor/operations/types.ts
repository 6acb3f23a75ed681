import { type OperationContext, type OperationDefinition } from "../../../src/plugin";
import type { JoorSettingsDeclaration } from "../settings/declaration";

/** An operation of the JOOR connector (its ctx.settings are the JOOR settings, typed). */
export type JoorOperation = OperationDefinition<JoorSettingsDeclaration>;
export type JoorOperationContext = OperationContext<JoorSettingsDeclaration>;
