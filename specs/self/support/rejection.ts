// What a promise that must fail was rejected with; one that resolves fails the test instead.

export async function rejectionOf(promise: Promise<unknown>, what: string): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error(`expected ${what} to fail`);
}
