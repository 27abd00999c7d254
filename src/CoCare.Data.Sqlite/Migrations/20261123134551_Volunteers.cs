using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoCare.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Volunteers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "vol_shifts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StartsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Skills = table.Column<string>(type: "TEXT", nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    CreditPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    PostedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    PostedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    IsCancelled = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vol_shifts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "vol_teams",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    LeaderId = table.Column<Guid>(type: "TEXT", nullable: true),
                    MemberIds = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vol_teams", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "vol_time_accounts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Floor = table.Column<long>(type: "INTEGER", nullable: true),
                    Balance = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vol_time_accounts", x => x.Id);
                    table.CheckConstraint("CK_vol_time_accounts_floor", "\"Floor\" IS NULL OR \"Balance\" >= \"Floor\"");
                });

            migrationBuilder.CreateTable(
                name: "vol_time_transactions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RequestHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Memo = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Reverses = table.Column<Guid>(type: "TEXT", nullable: true),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vol_time_transactions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "vol_volunteers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Skills = table.Column<string>(type: "TEXT", nullable: false),
                    Availability = table.Column<int>(type: "INTEGER", nullable: false),
                    ShowOnHonourBoard = table.Column<bool>(type: "INTEGER", nullable: false),
                    JoinedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vol_volunteers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "vol_time_postings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TransactionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Minutes = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vol_time_postings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_vol_time_postings_vol_time_accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "vol_time_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_vol_time_postings_vol_time_transactions_TransactionId",
                        column: x => x.TransactionId,
                        principalTable: "vol_time_transactions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "vol_signups",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ShiftId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VolunteerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VolunteerName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    StartsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Place = table.Column<int>(type: "INTEGER", nullable: true),
                    QueueNumber = table.Column<long>(type: "INTEGER", nullable: false),
                    SignedUpAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CheckInAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CheckOutAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ConfirmedMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    ConfirmedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConfirmedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreditTransactionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vol_signups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_vol_signups_vol_shifts_ShiftId",
                        column: x => x.ShiftId,
                        principalTable: "vol_shifts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_vol_signups_vol_volunteers_VolunteerId",
                        column: x => x.VolunteerId,
                        principalTable: "vol_volunteers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_vol_shifts_RegionCode_StartsAt",
                table: "vol_shifts",
                columns: new[] { "RegionCode", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_vol_signups_ShiftId_Place",
                table: "vol_signups",
                columns: new[] { "ShiftId", "Place" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_vol_signups_ShiftId_VolunteerId",
                table: "vol_signups",
                columns: new[] { "ShiftId", "VolunteerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_vol_signups_VolunteerId_StartsAt",
                table: "vol_signups",
                columns: new[] { "VolunteerId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_vol_teams_RegionCode",
                table: "vol_teams",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_vol_time_accounts_Kind_OwnerId",
                table: "vol_time_accounts",
                columns: new[] { "Kind", "OwnerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_vol_time_accounts_RegionCode",
                table: "vol_time_accounts",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_vol_time_postings_AccountId_TransactionId",
                table: "vol_time_postings",
                columns: new[] { "AccountId", "TransactionId" });

            migrationBuilder.CreateIndex(
                name: "IX_vol_time_postings_TransactionId",
                table: "vol_time_postings",
                column: "TransactionId");

            migrationBuilder.CreateIndex(
                name: "IX_vol_time_transactions_At",
                table: "vol_time_transactions",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_vol_time_transactions_IdempotencyKey",
                table: "vol_time_transactions",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_vol_time_transactions_Reverses",
                table: "vol_time_transactions",
                column: "Reverses",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_vol_volunteers_AccountId",
                table: "vol_volunteers",
                column: "AccountId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_vol_volunteers_RegionCode",
                table: "vol_volunteers",
                column: "RegionCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "vol_signups");

            migrationBuilder.DropTable(
                name: "vol_teams");

            migrationBuilder.DropTable(
                name: "vol_time_postings");

            migrationBuilder.DropTable(
                name: "vol_shifts");

            migrationBuilder.DropTable(
                name: "vol_volunteers");

            migrationBuilder.DropTable(
                name: "vol_time_accounts");

            migrationBuilder.DropTable(
                name: "vol_time_transactions");
        }
    }
}
