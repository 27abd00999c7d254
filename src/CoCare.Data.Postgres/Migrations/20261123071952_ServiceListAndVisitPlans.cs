using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoCare.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ServiceListAndVisitPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "FirstDeliveredAt",
                table: "res_needs",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "HealthDataConsented",
                table: "res_elders",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "res_service_list_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    VillageCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    ServiceType = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TimesPerPeriod = table.Column<int>(type: "integer", nullable: false),
                    Period = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    ResponsibleOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    NeedIds = table.Column<string>(type: "text", nullable: false),
                    ElderIds = table.Column<string>(type: "text", nullable: false),
                    CollectiveIssueId = table.Column<Guid>(type: "uuid", nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReviewNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ReviewedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ReviewedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_res_service_list_items", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "res_visit_plan_entries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    VillageCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    WeekStart = table.Column<DateOnly>(type: "date", nullable: false),
                    ElderId = table.Column<Guid>(type: "uuid", nullable: false),
                    Visitors = table.Column<string>(type: "text", nullable: false),
                    PlannedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    PlannedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_res_visit_plan_entries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_res_visit_plan_entries_res_elders_ElderId",
                        column: x => x.ElderId,
                        principalTable: "res_elders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_res_needs_RecordedAt",
                table: "res_needs",
                column: "RecordedAt");

            migrationBuilder.CreateIndex(
                name: "IX_res_service_list_items_VillageCode_Status",
                table: "res_service_list_items",
                columns: new[] { "VillageCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_res_visit_plan_entries_ElderId",
                table: "res_visit_plan_entries",
                column: "ElderId");

            migrationBuilder.CreateIndex(
                name: "IX_res_visit_plan_entries_VillageCode_WeekStart",
                table: "res_visit_plan_entries",
                columns: new[] { "VillageCode", "WeekStart" });

            migrationBuilder.CreateIndex(
                name: "IX_res_visit_plan_entries_WeekStart_ElderId",
                table: "res_visit_plan_entries",
                columns: new[] { "WeekStart", "ElderId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "res_service_list_items");

            migrationBuilder.DropTable(
                name: "res_visit_plan_entries");

            migrationBuilder.DropIndex(
                name: "IX_res_needs_RecordedAt",
                table: "res_needs");

            migrationBuilder.DropColumn(
                name: "FirstDeliveredAt",
                table: "res_needs");

            migrationBuilder.DropColumn(
                name: "HealthDataConsented",
                table: "res_elders");
        }
    }
}
