export async function main(args: string[]): Promise<number> {
  process.stdout.write(JSON.stringify(args) + "\n");
  return 0;
}
