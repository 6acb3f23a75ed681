import { GraphQLError } from "graphql";

/** Bad input: `extensions.code = BAD_USER_INPUT` and the field at fault. Nothing is written when thrown. */
export function badInput(field: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", field } });
}

export function notFound(entity: string, id: string | number, field = "id"): GraphQLError {
  return new GraphQLError(`${entity} ${id} was not found`, { extensions: { code: "NOT_FOUND", field } });
}

export function unauthenticated(message = "A valid bearer token is required"): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "UNAUTHENTICATED", http: { status: 401 } } });
}

export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "FORBIDDEN", http: { status: 403 } } });
}

/** Collects several field problems and throws them as one BAD_USER_INPUT error (first field named, all listed). */
export class InputProblems {
  private problems: { field: string; message: string }[] = [];
  add(field: string, message: string): void {
    this.problems.push({ field, message });
  }
  check(condition: boolean, field: string, message: string): void {
    if (!condition) this.add(field, message);
  }
  throwIfAny(): void {
    if (this.problems.length === 0) return;
    const [first] = this.problems;
    throw new GraphQLError(this.problems.map((p) => `${p.field}: ${p.message}`).join("; "), {
      extensions: { code: "BAD_USER_INPUT", field: first.field, problems: this.problems },
    });
  }
}
