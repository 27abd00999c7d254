using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoCare.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AlertRulesAndDays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "LastActivityAt",
                table: "alr_devices",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "EventId",
                table: "alr_alerts",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.CreateTable(
                name: "alr_device_days",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DeviceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Heartbeats = table.Column<int>(type: "integer", nullable: false),
                    LowestBattery = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alr_device_days", x => x.Id);
                    table.ForeignKey(
                        name: "FK_alr_device_days_alr_devices_DeviceId",
                        column: x => x.DeviceId,
                        principalTable: "alr_devices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "alr_rules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    VillageCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    ElderId = table.Column<Guid>(type: "uuid", nullable: true),
                    DoorAtNight = table.Column<bool>(type: "boolean", nullable: false),
                    NightStarts = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    NightEnds = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    InactivityHours = table.Column<int>(type: "integer", nullable: false),
                    QuietStarts = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    QuietEnds = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    InformFamily = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alr_rules", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_alr_alerts_ElderId_Kind_RaisedAt",
                table: "alr_alerts",
                columns: new[] { "ElderId", "Kind", "RaisedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_alr_device_days_Day",
                table: "alr_device_days",
                column: "Day");

            migrationBuilder.CreateIndex(
                name: "IX_alr_device_days_DeviceId_Day",
                table: "alr_device_days",
                columns: new[] { "DeviceId", "Day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_alr_rules_VillageCode_ElderId",
                table: "alr_rules",
                columns: new[] { "VillageCode", "ElderId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "alr_device_days");

            migrationBuilder.DropTable(
                name: "alr_rules");

            migrationBuilder.DropIndex(
                name: "IX_alr_alerts_ElderId_Kind_RaisedAt",
                table: "alr_alerts");

            migrationBuilder.DropColumn(
                name: "LastActivityAt",
                table: "alr_devices");

            migrationBuilder.AlterColumn<Guid>(
                name: "EventId",
                table: "alr_alerts",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);
        }
    }
}
