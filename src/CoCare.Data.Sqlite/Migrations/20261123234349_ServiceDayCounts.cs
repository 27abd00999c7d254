using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoCare.Data.Sqlite.Migrations
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
                    VillageCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_svc_day_counts", x => new { x.VillageCode, x.Day, x.Kind });
                });

            // The day counts are kept by triggers on the records themselves, so no write path can make them disagree.
            migrationBuilder.Sql("""
                CREATE TRIGGER svc_day_counts_meal_insert AFTER INSERT ON svc_meal_checkins BEGIN
                  INSERT INTO svc_day_counts (VillageCode, Day, Kind, Count) VALUES (NEW.VillageCode, NEW.Day, 'meal', 1)
                  ON CONFLICT (VillageCode, Day, Kind) DO UPDATE SET Count = Count + 1;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER svc_day_counts_meal_delete AFTER DELETE ON svc_meal_checkins BEGIN
                  UPDATE svc_day_counts SET Count = Count - 1 WHERE VillageCode = OLD.VillageCode AND Day = OLD.Day AND Kind = 'meal';
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER svc_day_counts_meal_update AFTER UPDATE OF VillageCode, Day ON svc_meal_checkins BEGIN
                  UPDATE svc_day_counts SET Count = Count - 1 WHERE VillageCode = OLD.VillageCode AND Day = OLD.Day AND Kind = 'meal';
                  INSERT INTO svc_day_counts (VillageCode, Day, Kind, Count) VALUES (NEW.VillageCode, NEW.Day, 'meal', 1)
                  ON CONFLICT (VillageCode, Day, Kind) DO UPDATE SET Count = Count + 1;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER svc_day_counts_order_insert AFTER INSERT ON svc_orders
                WHEN NEW.Status = 'Completed' AND NEW.CompletedAt IS NOT NULL BEGIN
                  INSERT INTO svc_day_counts (VillageCode, Day, Kind, Count)
                  VALUES (NEW.VillageCode, date(NEW.CompletedAt, '+8 hours'), CASE WHEN NEW.ServiceTypeCode = 'Meals' THEN 'mealOrder' ELSE 'order' END, 1)
                  ON CONFLICT (VillageCode, Day, Kind) DO UPDATE SET Count = Count + 1;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER svc_day_counts_order_delete AFTER DELETE ON svc_orders
                WHEN OLD.Status = 'Completed' AND OLD.CompletedAt IS NOT NULL BEGIN
                  UPDATE svc_day_counts SET Count = Count - 1 WHERE VillageCode = OLD.VillageCode AND Day = date(OLD.CompletedAt, '+8 hours')
                    AND Kind = CASE WHEN OLD.ServiceTypeCode = 'Meals' THEN 'mealOrder' ELSE 'order' END;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER svc_day_counts_order_leave AFTER UPDATE OF Status, CompletedAt, VillageCode, ServiceTypeCode ON svc_orders
                WHEN OLD.Status = 'Completed' AND OLD.CompletedAt IS NOT NULL BEGIN
                  UPDATE svc_day_counts SET Count = Count - 1 WHERE VillageCode = OLD.VillageCode AND Day = date(OLD.CompletedAt, '+8 hours')
                    AND Kind = CASE WHEN OLD.ServiceTypeCode = 'Meals' THEN 'mealOrder' ELSE 'order' END;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER svc_day_counts_order_enter AFTER UPDATE OF Status, CompletedAt, VillageCode, ServiceTypeCode ON svc_orders
                WHEN NEW.Status = 'Completed' AND NEW.CompletedAt IS NOT NULL BEGIN
                  INSERT INTO svc_day_counts (VillageCode, Day, Kind, Count)
                  VALUES (NEW.VillageCode, date(NEW.CompletedAt, '+8 hours'), CASE WHEN NEW.ServiceTypeCode = 'Meals' THEN 'mealOrder' ELSE 'order' END, 1)
                  ON CONFLICT (VillageCode, Day, Kind) DO UPDATE SET Count = Count + 1;
                END;
                """);
            migrationBuilder.Sql("""
                INSERT INTO svc_day_counts (VillageCode, Day, Kind, Count)
                SELECT VillageCode, Day, 'meal', COUNT(*) FROM svc_meal_checkins GROUP BY VillageCode, Day;
                """);
            migrationBuilder.Sql("""
                INSERT INTO svc_day_counts (VillageCode, Day, Kind, Count)
                SELECT VillageCode, date(CompletedAt, '+8 hours'), CASE WHEN ServiceTypeCode = 'Meals' THEN 'mealOrder' ELSE 'order' END, COUNT(*)
                FROM svc_orders WHERE Status = 'Completed' AND CompletedAt IS NOT NULL GROUP BY 1, 2, 3;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in new[] { "meal_insert", "meal_delete", "meal_update", "order_insert", "order_delete", "order_leave", "order_enter" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS svc_day_counts_{trigger};");
            }

            migrationBuilder.DropTable(
                name: "svc_day_counts");
        }
    }
}
