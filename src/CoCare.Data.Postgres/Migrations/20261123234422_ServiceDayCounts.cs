using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoCare.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ServiceDayCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "svc_day_counts",
                columns: table => new
                {
                    VillageCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Count = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_svc_day_counts", x => new { x.VillageCode, x.Day, x.Kind });
                });

            // The day counts are kept by triggers on the records themselves, so no write path can make them disagree.
            migrationBuilder.Sql("""
                CREATE FUNCTION svc_day_count_add(v varchar, d date, k varchar, n bigint) RETURNS void AS $$
                  INSERT INTO svc_day_counts ("VillageCode", "Day", "Kind", "Count") VALUES (v, d, k, n)
                  ON CONFLICT ("VillageCode", "Day", "Kind") DO UPDATE SET "Count" = svc_day_counts."Count" + EXCLUDED."Count";
                $$ LANGUAGE sql;
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION svc_meal_checkins_day_count() RETURNS trigger AS $$
                BEGIN
                  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM svc_day_count_add(OLD."VillageCode", OLD."Day", 'meal', -1); END IF;
                  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM svc_day_count_add(NEW."VillageCode", NEW."Day", 'meal', 1); END IF;
                  RETURN NULL;
                END $$ LANGUAGE plpgsql;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER svc_meal_checkins_day_count AFTER INSERT OR DELETE OR UPDATE OF "VillageCode", "Day" ON svc_meal_checkins
                FOR EACH ROW EXECUTE FUNCTION svc_meal_checkins_day_count();
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION svc_orders_day_count() RETURNS trigger AS $$
                BEGIN
                  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."Status" = 'Completed' AND OLD."CompletedAt" IS NOT NULL THEN
                    PERFORM svc_day_count_add(OLD."VillageCode", ((OLD."CompletedAt" AT TIME ZONE 'UTC') + interval '8 hours')::date,
                      CASE WHEN OLD."ServiceTypeCode" = 'Meals' THEN 'mealOrder' ELSE 'order' END, -1);
                  END IF;
                  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW."Status" = 'Completed' AND NEW."CompletedAt" IS NOT NULL THEN
                    PERFORM svc_day_count_add(NEW."VillageCode", ((NEW."CompletedAt" AT TIME ZONE 'UTC') + interval '8 hours')::date,
                      CASE WHEN NEW."ServiceTypeCode" = 'Meals' THEN 'mealOrder' ELSE 'order' END, 1);
                  END IF;
                  RETURN NULL;
                END $$ LANGUAGE plpgsql;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER svc_orders_day_count AFTER INSERT OR DELETE OR UPDATE OF "Status", "CompletedAt", "VillageCode", "ServiceTypeCode" ON svc_orders
                FOR EACH ROW EXECUTE FUNCTION svc_orders_day_count();
                """);
            migrationBuilder.Sql("""
                INSERT INTO svc_day_counts ("VillageCode", "Day", "Kind", "Count")
                SELECT "VillageCode", "Day", 'meal', COUNT(*) FROM svc_meal_checkins GROUP BY "VillageCode", "Day";
                """);
            migrationBuilder.Sql("""
                INSERT INTO svc_day_counts ("VillageCode", "Day", "Kind", "Count")
                SELECT "VillageCode", (("CompletedAt" AT TIME ZONE 'UTC') + interval '8 hours')::date,
                  CASE WHEN "ServiceTypeCode" = 'Meals' THEN 'mealOrder' ELSE 'order' END, COUNT(*)
                FROM svc_orders WHERE "Status" = 'Completed' AND "CompletedAt" IS NOT NULL GROUP BY 1, 2, 3;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS svc_meal_checkins_day_count ON svc_meal_checkins;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS svc_orders_day_count ON svc_orders;");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS svc_meal_checkins_day_count(); DROP FUNCTION IF EXISTS svc_orders_day_count(); DROP FUNCTION IF EXISTS svc_day_count_add(varchar, date, varchar, bigint);");

            migrationBuilder.DropTable(
                name: "svc_day_counts");
        }
    }
}
