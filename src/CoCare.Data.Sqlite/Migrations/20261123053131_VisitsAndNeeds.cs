using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoCare.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class VisitsAndNeeds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "res_home_visits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VillageCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DurationMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Participants = table.Column<string>(type: "TEXT", nullable: false),
                    ElderIds = table.Column<string>(type: "TEXT", nullable: false),
                    Observations = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    FollowUpDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FollowedUp = table.Column<bool>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_res_home_visits", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "res_needs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ElderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Urgency = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    HomeVisitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ClosedReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_res_needs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_res_needs_res_elders_ElderId",
                        column: x => x.ElderId,
                        principalTable: "res_elders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_res_needs_res_home_visits_HomeVisitId",
                        column: x => x.HomeVisitId,
                        principalTable: "res_home_visits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_res_home_visits_FollowUpDate",
                table: "res_home_visits",
                column: "FollowUpDate");

            migrationBuilder.CreateIndex(
                name: "IX_res_home_visits_VillageCode_Date",
                table: "res_home_visits",
                columns: new[] { "VillageCode", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_res_needs_ElderId_Status",
                table: "res_needs",
                columns: new[] { "ElderId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_res_needs_HomeVisitId",
                table: "res_needs",
                column: "HomeVisitId");

            migrationBuilder.CreateIndex(
                name: "IX_res_needs_Status_Category",
                table: "res_needs",
                columns: new[] { "Status", "Category" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "res_needs");

            migrationBuilder.DropTable(
                name: "res_home_visits");
        }
    }
}
