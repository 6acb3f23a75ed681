/** `selvedge/typeorm`: the host's TypeORM (entity decorators, In, Not, QueryRunner, Table, …), one copy per process. */
export * from "typeorm";
