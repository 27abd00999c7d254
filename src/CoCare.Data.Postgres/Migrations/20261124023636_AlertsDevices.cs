using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoCare.Data.Postgres.Migrations
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Serial = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Model = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ElderId = table.Column<Guid>(type: "uuid", nullable: true),
                    VillageCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Latitude = table.Column<double>(type: "double precision", nullable: true),
                    Longitude = table.Column<double>(type: "double precision", nullable: true),
                    GatewayId = table.Column<Guid>(type: "uuid", nullable: true),
                    KeyId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SecretCipher = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RegisteredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    BatteryPercent = table.Column<int>(type: "integer", nullable: true),
                    Firmware = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    LastHeartbeatAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alr_devices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "alr_events",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DeviceId = table.Column<Guid>(type: "uuid", nullable: false),
                    EventId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Type = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Payload = table.Column<string>(type: "character varying(4096)", maxLength: 4096, nullable: true),
                    Channel = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DeviceId = table.Column<Guid>(type: "uuid", nullable: false),
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    ElderId = table.Column<Guid>(type: "uuid", nullable: true),
                    VillageCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Kind = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Status = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    RaisedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
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
