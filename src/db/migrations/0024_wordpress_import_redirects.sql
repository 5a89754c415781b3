CREATE TABLE "wordpress_import_redirects" (
	"import_id" uuid NOT NULL,
	"from_path" text NOT NULL,
	"to_path" text NOT NULL,
	"previous_path" text,
	CONSTRAINT "wordpress_import_redirects_import_id_from_path_pk" PRIMARY KEY("import_id","from_path")
);
--> statement-breakpoint
ALTER TABLE "wordpress_import_redirects" ADD CONSTRAINT "wordpress_import_redirects_import_id_wordpress_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."wordpress_imports"("id") ON DELETE cascade ON UPDATE no action;