// Waits on something that never comes (a forgotten resolve, a hung request): the checker must give up, not hang.
export default async () => {
  await new Promise(() => {});
};
