using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoCare.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AlertsDevices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "alr_devices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Serial = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Model = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ElderId = table.Column<Guid>(type: "TEXT", nullable: true),
                    VillageCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    GatewayId = table.Column<Guid>(type: "TEXT", nullable: true),
                    KeyId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SecretCipher = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RegisteredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    BatteryPercent = table.Column<int>(type: "INTEGER", nullable: true),
                    Firmware = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    LastHeartbeatAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alr_devices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "alr_events",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DeviceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EventId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Payload = table.Column<string>(type: "TEXT", maxLength: 4096, nullable: true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alr_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_alr_events_alr_devices_DeviceId",
                        column: x => x.DeviceId,
                        principalTable: "alr_devices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "alr_alerts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DeviceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ElderId = table.Column<Guid>(type: "TEXT", nullable: true),
                    VillageCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 14, nullable: false),
                    RaisedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alr_alerts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_alr_alerts_alr_events_EventId",
                        column: x => x.EventId,
                        principalTable: "alr_events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_alr_alerts_EventId",
                table: "alr_alerts",
                column: "EventId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_alr_alerts_VillageCode_Status_RaisedAt",
                table: "alr_alerts",
                columns: new[] { "VillageCode", "Status", "RaisedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_alr_devices_ElderId",
                table: "alr_devices",
                column: "ElderId");

            migrationBuilder.CreateIndex(
                name: "IX_alr_devices_KeyId",
                table: "alr_devices",
                column: "KeyId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_alr_devices_Serial",
                table: "alr_devices",
                column: "Serial",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_alr_devices_VillageCode_Status",
                table: "alr_devices",
                columns: new[] { "VillageCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_alr_events_DeviceId_EventId",
                table: "alr_events",
                columns: new[] { "DeviceId", "EventId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "alr_alerts");

            migrationBuilder.DropTable(
                name: "alr_events");

            migrationBuilder.DropTable(
                name: "alr_devices");
        }
    }
}
