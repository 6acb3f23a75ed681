/** `selvedge/type-graphql`: the host's type-graphql (its decorator metadata is global per copy, so plugins must use this one). */
export * from "type-graphql";
