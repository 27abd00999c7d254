using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoCare.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Expenditures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "eval_expenditures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BudgetLine = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AmountFen = table.Column<long>(type: "INTEGER", nullable: false),
                    SpentOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Receipt_FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Receipt_ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Receipt_StoredName = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Receipt_SizeBytes = table.Column<long>(type: "INTEGER", nullable: true),
                    Receipt_Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Flags = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReviewNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ReviewedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ReviewedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_eval_expenditures", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_eval_expenditures_ContractId_SpentOn",
                table: "eval_expenditures",
                columns: new[] { "ContractId", "SpentOn" });

            migrationBuilder.CreateIndex(
                name: "IX_eval_expenditures_Receipt_Sha256",
                table: "eval_expenditures",
                column: "Receipt_Sha256");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "eval_expenditures");
        }
    }
}
