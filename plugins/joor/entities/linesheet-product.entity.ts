import { Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { IntegerColumn, Product } from "../../../src/plugin";
import { JoorLinesheet } from "./linesheet.entity";

/** A product on a linesheet, at a position (0-based, no gaps). */
@Entity("joor_linesheet_product")
@Index("UQ_joor_linesheet_product", ["linesheetId", "productId"], { unique: true })
@Index("IDX_joor_linesheet_product_product", ["brandId", "productId"])
@Index("IDX_joor_linesheet_product_position", ["linesheetId", "position"])
export class JoorLinesheetProduct {
  @PrimaryGeneratedColumn({ type: "integer" }) id: number;
  @IntegerColumn() brandId: number;
  @IntegerColumn() linesheetId: number;
  @ManyToOne(() => JoorLinesheet, { onDelete: "CASCADE" })
  @JoinColumn({ name: "linesheetId", foreignKeyConstraintName: "FK_joor_linesheet_product_linesheet" })
  linesheet?: JoorLinesheet;
  @IntegerColumn() productId: number;
  @ManyToOne(() => Product, { onDelete: "CASCADE" })
  @JoinColumn({ name: "productId", foreignKeyConstraintName: "FK_joor_linesheet_product_product" })
  product?: Product;
  @IntegerColumn() position: number;
}
