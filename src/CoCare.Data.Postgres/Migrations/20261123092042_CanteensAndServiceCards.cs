using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoCare.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CanteensAndServiceCards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CardConfirmationCode",
                table: "res_elders",
                type: "character varying(4)",
                maxLength: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ServiceCardNumber",
                table: "res_elders",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "svc_service_points",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Latitude = table.Column<double>(type: "double precision", nullable: true),
                    Longitude = table.Column<double>(type: "double precision", nullable: true),
                    SeatsPerSession = table.Column<int>(type: "integer", nullable: false),
                    Sessions = table.Column<string>(type: "text", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_svc_service_points", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "svc_meal_checkins",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ServicePointId = table.Column<Guid>(type: "uuid", nullable: false),
                    ElderId = table.Column<Guid>(type: "uuid", nullable: false),
                    ElderName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    VillageCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Session = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Method = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    ListPriceFen = table.Column<long>(type: "bigint", nullable: false),
                    SubsidyFen = table.Column<long>(type: "bigint", nullable: false),
                    PaidFen = table.Column<long>(type: "bigint", nullable: false),
                    SubsidyRuleId = table.Column<Guid>(type: "uuid", nullable: true),
                    SubsidyName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    SubsidisedDay = table.Column<DateOnly>(type: "date", nullable: true),
                    NotApplied = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Payment = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    PaymentReference = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_svc_meal_checkins", x => x.Id);
                    table.ForeignKey(
                        name: "FK_svc_meal_checkins_svc_service_points_ServicePointId",
                        column: x => x.ServicePointId,
                        principalTable: "svc_service_points",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "svc_menus",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ServicePointId = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Dishes = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_svc_menus", x => x.Id);
                    table.ForeignKey(
                        name: "FK_svc_menus_svc_service_points_ServicePointId",
                        column: x => x.ServicePointId,
                        principalTable: "svc_service_points",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_res_elders_ServiceCardNumber",
                table: "res_elders",
                column: "ServiceCardNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_svc_meal_checkins_ElderId_Day",
                table: "svc_meal_checkins",
                columns: new[] { "ElderId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_svc_meal_checkins_ElderId_SubsidisedDay",
                table: "svc_meal_checkins",
                columns: new[] { "ElderId", "SubsidisedDay" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_svc_meal_checkins_ServicePointId_Day_At",
                table: "svc_meal_checkins",
                columns: new[] { "ServicePointId", "Day", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_svc_meal_checkins_VillageCode_Day",
                table: "svc_meal_checkins",
                columns: new[] { "VillageCode", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_svc_menus_ServicePointId_Day",
                table: "svc_menus",
                columns: new[] { "ServicePointId", "Day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_svc_service_points_RegionCode",
                table: "svc_service_points",
                column: "RegionCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "svc_meal_checkins");

            migrationBuilder.DropTable(
                name: "svc_menus");

            migrationBuilder.DropTable(
                name: "svc_service_points");

            migrationBuilder.DropIndex(
                name: "IX_res_elders_ServiceCardNumber",
                table: "res_elders");

            migrationBuilder.DropColumn(
                name: "CardConfirmationCode",
                table: "res_elders");

            migrationBuilder.DropColumn(
                name: "ServiceCardNumber",
                table: "res_elders");
        }
    }
}
